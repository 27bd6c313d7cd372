import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type avro from 'avsc';
import type { Producer } from 'kafkajs';
import type { EventContext } from '../delivery/event-context.js';
import { outboundId } from '../idempotency/outbound-id.js';
import { eventHeaders, type TextHeaders } from '../kafka/headers.js';
import type { KafkaClient } from '../kafka/kafka-client.js';

/** The encoding half of the Avro serde (subject = `<topic>-value`). */
export interface Encoder {
  encode(subject: string, type: avro.Type, value: unknown): Promise<Buffer>;
}

export interface Publication {
  /** The business id the event is about (e.g. the application id); never personal data. */
  readonly key: string;
  readonly value: unknown;
  /** The event being handled, when this one is its consequence. */
  readonly causedBy?: EventContext;
  readonly eventId?: string;
  readonly correlationId?: string;
}

/**
 * Publishes Avro events idempotently with acks=all and the hub's headers. An event published
 * while handling another gets an id derived from the cause, so a handler that runs again after
 * a crash republishes the same event id and consumers' ledgers drop the repeat.
 */
export class EventProducer {
  private readonly producer: Producer;

  constructor(
    private readonly service: string,
    kafka: KafkaClient,
    private readonly serde: Encoder,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Returns the event id it published under. */
  async publish(topic: string, type: avro.Type, publication: Publication): Promise<string> {
    const { causedBy } = publication;
    const eventId =
      publication.eventId ??
      (causedBy ? outboundId(causedBy.eventId, `publish:${topic}`) : randomUUID());
    const headers: TextHeaders = {
      [eventHeaders.eventId]: eventId,
      [eventHeaders.correlationId]:
        publication.correlationId ?? causedBy?.headers[eventHeaders.correlationId] ?? eventId,
      [eventHeaders.producer]: this.service,
      ...(causedBy ? { [eventHeaders.causationId]: causedBy.eventId } : {}),
      ...traceHeaders(causedBy),
    };
    const value = await this.serde.encode(`${topic}-value`, type, publication.value);
    await this.producer.send({
      topic,
      acks: -1,
      messages: [{ key: publication.key, value, headers }],
    });
    return eventId;
  }
}

/** The active span's context; without tracing, the cause's, so the chain is not broken. */
function traceHeaders(causedBy: EventContext | undefined): TextHeaders {
  const carrier: TextHeaders = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent && causedBy?.traceparent) {
    carrier.traceparent = causedBy.traceparent;
    const tracestate = causedBy.headers[eventHeaders.tracestate];
    if (tracestate) carrier.tracestate = tracestate;
  }
  return carrier;
}
