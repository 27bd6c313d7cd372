// Generated from contracts/schemas/dlq/dead-letter.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * A record a consumer gave up on, with everything needed to inspect and replay it; the value of every dlq.<group> topic.
 */
export interface DeadLetter {
  /**
   * The topic the record was read from.
   */
  readonly sourceTopic: string;
  /**
   * Its partition.
   */
  readonly sourcePartition: number;
  /**
   * Its offset.
   */
  readonly sourceOffset: number;
  /**
   * The consumer group that failed, <service>.<handler>.
   */
  readonly consumerGroup: string;
  /**
   * The record key as read (an application id, never personal data).
   */
  readonly key: null | Buffer;
  /**
   * The record value as read, undecoded, so nothing is lost even when it cannot be decoded.
   * @personalData
   */
  readonly value: null | Buffer;
  /**
   * The record headers as read (event id, trace context, ...).
   */
  readonly headers: readonly Header[];
  /**
   * The HubError code of the last failure, e.g. SERDE_UNKNOWN_SCHEMA_ID.
   */
  readonly errorCode: string;
  /**
   * The last failure's message; error messages never contain personal data.
   */
  readonly errorMessage: string;
  /**
   * Whether the last error was retryable.
   */
  readonly retryable: boolean;
  /**
   * How many times the handler tried.
   */
  readonly attempts: number;
  /**
   * When the first attempt failed (UTC).
   */
  readonly firstFailedAt: Date;
  /**
   * When the record was dead-lettered (UTC).
   */
  readonly deadLetteredAt: Date;
}

/**
 * A Kafka record header; names may repeat.
 */
export interface Header {
  /**
   * Header name.
   */
  readonly name: string;
  /**
   * Header value as read.
   */
  readonly value: null | Buffer;
}
