import type { TextHeaders } from '../kafka/headers.js';

/** What a handler knows about the record it handles, beside the decoded value. */
export interface EventContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The business id the record is keyed by (e.g. the application id). */
  readonly key: string | undefined;
  readonly headers: TextHeaders;
  /** The `event-id` header; for records without one, a UUID derived from topic, partition and offset. */
  readonly eventId: string;
  /** W3C trace context of the producer, if it sent one. */
  readonly traceparent: string | undefined;
  /** 1 for the first try, counting up across in-process retries. */
  readonly attempt: number;
  /** The consumer group, `<service>.<handler>`. */
  readonly group: string;
}
