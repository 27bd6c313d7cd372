import type { Message } from 'kafkajs';
import { redactErrorMessage } from '../errors/redact-error-message.js';
import { deadLetterHeaders, type TextHeaders } from '../kafka/headers.js';

/** The dead-letter topic of a consumer group. */
export function deadLetterTopic(group: string): string {
  return `dlq.${group}`;
}

export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  readonly firstFailureAt: Date;
  readonly lastFailureAt: Date;
}

export interface SourceRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: TextHeaders;
}

const maxErrorMessageLength = 1_000;

/**
 * The dead letter keeps the raw bytes and key (so a replay re-publishes exactly what arrived) and
 * the original headers (event id, trace context), and says where it came from and why it failed;
 * the reason without the input values it may quote. The one dead-letter format of the hub
 * (ADR 0013); `@hub/dead-letters` reads it.
 */
export function deadLetter(group: string, source: SourceRecord, failure: Failure): Message {
  return {
    key: source.key,
    value: source.value,
    headers: {
      ...source.headers,
      [deadLetterHeaders.group]: group,
      [deadLetterHeaders.sourceTopic]: source.topic,
      [deadLetterHeaders.sourcePartition]: String(source.partition),
      [deadLetterHeaders.sourceOffset]: source.offset,
      ...(source.key === null ? {} : { [deadLetterHeaders.sourceKey]: source.key.toString() }),
      [deadLetterHeaders.errorCode]: failure.code,
      [deadLetterHeaders.errorMessage]: deadLetterReason(failure.message),
      [deadLetterHeaders.attempts]: String(failure.attempts),
      [deadLetterHeaders.firstFailureAt]: failure.firstFailureAt.toISOString(),
      [deadLetterHeaders.lastFailureAt]: failure.lastFailureAt.toISOString(),
    },
  };
}

/** The `dlq-error-message` header: redacted, then cut to a length a header comfortably holds. */
export function deadLetterReason(message: string): string {
  return redactErrorMessage(message).slice(0, maxErrorMessageLength);
}
