import type { IHeaders } from 'kafkajs';

/** Header names every hub event carries. Values never hold personal data. */
export const eventHeaders = {
  eventId: 'event-id',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  producer: 'producer-service',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  replayCount: 'replay-count',
} as const;

/** Headers added to a dead letter, beside the original ones (which keep the trace context). */
export const deadLetterHeaders = {
  group: 'dlq-group',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  sourceKey: 'dlq-source-key',
  errorCode: 'dlq-error-code',
  errorMessage: 'dlq-error-message',
  attempts: 'dlq-attempts',
  firstFailureAt: 'dlq-first-failure-at',
  lastFailureAt: 'dlq-last-failure-at',
} as const;

export type TextHeaders = Record<string, string>;

/** kafkajs hands headers over as Buffers (or arrays of them); the hub's are all UTF-8 text. */
export function textHeaders(headers: IHeaders | undefined): TextHeaders {
  const text: TextHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}
