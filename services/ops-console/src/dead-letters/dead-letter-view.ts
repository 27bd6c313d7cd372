import { contextOf, type DeadLetter } from '@hub/dead-letters';
import { eventHeaders } from '@hub/kit';
import { traceIdOf } from '../sources/zipkin-traces.js';

/** What the workbench shows of a dead letter: its address, key and headers, never the payload. */
export interface DeadLetterView {
  readonly id: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  /** The service whose handler gave up: `dlq.<service>.<handler>`. */
  readonly service: string;
  readonly code: string;
  readonly attempts: string;
  readonly lastFailureAt: Date | undefined;
  readonly eventId: string | undefined;
  readonly traceId: string | undefined;
}

export function viewOf(letter: DeadLetter): DeadLetterView {
  const h = letter.headers;
  const [, partition = '0', offset = '0'] = letter.id.slice(letter.topic.length).split(':');
  const context = contextOf(h);
  return {
    id: letter.id,
    topic: letter.topic,
    partition: Number(partition),
    offset,
    key: letter.key?.toString(),
    service: letter.topic.split('.')[1] ?? '?',
    code: context.errorCode ?? '?',
    attempts: context.attempts === undefined ? '?' : String(context.attempts),
    lastFailureAt: context.lastFailureAt,
    eventId: h[eventHeaders.eventId],
    traceId: traceIdOf(h[eventHeaders.traceparent]),
  };
}

/** The workbench's filter; every part optional. */
export interface DeadLetterFilter {
  readonly code?: string | undefined;
  readonly service?: string | undefined;
  /** Only letters whose last failure is at least this many minutes ago. */
  readonly olderThanMinutes?: number | undefined;
  /** Only letters whose last failure is at most this many minutes ago. */
  readonly newerThanMinutes?: number | undefined;
  readonly key?: string | undefined;
}

export function matches(filter: DeadLetterFilter, letter: DeadLetterView, now: Date): boolean {
  const ageMinutes = letter.lastFailureAt
    ? (now.getTime() - letter.lastFailureAt.getTime()) / 60_000
    : undefined;
  return (
    (!filter.code || letter.code === filter.code) &&
    (!filter.service || letter.service === filter.service) &&
    (!filter.key || letter.key === filter.key) &&
    (filter.olderThanMinutes === undefined ||
      (ageMinutes !== undefined && ageMinutes >= filter.olderThanMinutes)) &&
    (filter.newerThanMinutes === undefined ||
      (ageMinutes !== undefined && ageMinutes <= filter.newerThanMinutes))
  );
}
