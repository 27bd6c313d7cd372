import { deadLetterHeaders, type TextHeaders } from '@hub/kit';

/**
 * Where a dead letter came from and why it is there, as the kit writes it into `dlq-*` headers
 * (ADR 0013). Undefined where a header is missing: letters written by hand, or by an older writer.
 */
export interface DeadLetterContext {
  readonly group: string | undefined;
  readonly sourceTopic: string | undefined;
  readonly sourcePartition: number | undefined;
  readonly sourceOffset: string | undefined;
  readonly errorCode: string | undefined;
  /** Redacted by the writer; never personal data. */
  readonly errorMessage: string | undefined;
  readonly attempts: number | undefined;
  readonly firstFailureAt: Date | undefined;
  readonly lastFailureAt: Date | undefined;
}

/** The one reading of the `dlq-*` headers, for the CLI, the ops console and the case router. */
export function contextOf(headers: TextHeaders): DeadLetterContext {
  const text = (name: string) => headers[name] || undefined;
  const count = (name: string) => {
    const value = Number(text(name));
    return Number.isInteger(value) ? value : undefined;
  };
  const time = (name: string) => {
    const value = new Date(text(name) ?? '');
    return Number.isNaN(value.getTime()) ? undefined : value;
  };
  return {
    group: text(deadLetterHeaders.group),
    sourceTopic: text(deadLetterHeaders.sourceTopic),
    sourcePartition: count(deadLetterHeaders.sourcePartition),
    sourceOffset: text(deadLetterHeaders.sourceOffset),
    errorCode: text(deadLetterHeaders.errorCode),
    errorMessage: text(deadLetterHeaders.errorMessage),
    attempts: count(deadLetterHeaders.attempts),
    firstFailureAt: time(deadLetterHeaders.firstFailureAt),
    lastFailureAt: time(deadLetterHeaders.lastFailureAt),
  };
}
