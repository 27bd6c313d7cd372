import { randomUUID } from 'node:crypto';
import {
  ROOT_CONTEXT,
  SpanKind,
  context,
  propagation,
  trace,
  type Context,
} from '@opentelemetry/api';
import type avro from 'avsc';
import { schemaType, type SchemaName, type SchemaValues } from '@hub/contracts';
import type { EventContext } from '../delivery/event-context.js';
import { outboundId } from '../idempotency/outbound-id.js';
import { eventHeaders, type TextHeaders } from '../kafka/headers.js';
import { RecordSender } from './record-sender.js';
import type { KafkaClient } from '../kafka/kafka-client.js';

/** The encoding half of the Avro serde (subject = `<topic>-value`). */
export interface Encoder {
  encode(subject: string, type: avro.Type, value: unknown): Promise<Buffer>;
}

/**
 * Where an event goes: a catalogue spec (`topics.paymentRequested` of @hub/contracts), whose value
 * schema types the value; `{ name, type }` only for topics outside the catalogue (the kit's tests).
 */
export type ProducedTopic =
  | { readonly name: string; readonly valueSchema: SchemaName }
  | { readonly name: string; readonly type: avro.Type };

/** The value type of a catalogue spec; anything for a topic outside it. */
export type ValueOf<T extends ProducedTopic> = T extends { readonly valueSchema: infer N }
  ? N extends SchemaName
    ? SchemaValues[N]
    : never
  : unknown;

export interface Publication<V = unknown> {
  /** The business id the event is about (e.g. the application id); never personal data. */
  readonly key: string;
  readonly value: V;
  /** The event being handled, when this one is its consequence. */
  readonly causedBy?: EventContext;
  readonly eventId?: string;
  /** Defaults to the cause's correlation id, else the key: the application id throughout. */
  readonly correlationId?: string;
  /**
   * The application's trace context, for events published outside any handler (a reply fetched
   * from a message box, a payment found by callback or poll), so they join the application's trace.
   * It wins over an active span (an HTTP callback's own trace), which the send span links to.
   */
  readonly traceparent?: string;
}

const tracer = trace.getTracer('@hub/kit');

/**
 * Publishes Avro events idempotently with acks=all and the hub's headers. An event published
 * while handling another gets an id derived from the cause, so a handler that runs again after
 * a crash republishes the same event id and consumers' ledgers drop the repeat.
 */
export class EventProducer {
  private readonly records: RecordSender;

  constructor(
    private readonly service: string,
    kafka: KafkaClient,
    private readonly serde: Encoder,
  ) {
    this.records = new RecordSender(kafka);
  }

  connect(): Promise<void> {
    return this.records.connect();
  }

  disconnect(): Promise<void> {
    return this.records.disconnect();
  }

  /** Returns the event id it published under; one PRODUCER span per publish. */
  async publish<T extends ProducedTopic>(
    spec: T,
    publication: Publication<ValueOf<T>>,
  ): Promise<string> {
    const topic = spec.name;
    const type = 'type' in spec ? spec.type : schemaType(spec.valueSchema);
    const { causedBy, key } = publication;
    const eventId =
      publication.eventId ??
      (causedBy ? outboundId(causedBy.eventId, `publish:${topic}`) : randomUUID());
    const value = await this.serde.encode(`${topic}-value`, type, publication.value);
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.destination.name': topic,
      'messaging.kafka.message.key': key,
      'messaging.message.id': eventId,
    };
    const parent = parentOf(publication);
    // An HTTP callback that found the outcome has a trace of its own: the send links back to it.
    const active = trace.getActiveSpan()?.spanContext();
    const links =
      active && active.traceId !== trace.getSpanContext(parent)?.traceId
        ? [{ context: active }]
        : [];
    const options = { kind: SpanKind.PRODUCER, attributes, links };
    return tracer.startActiveSpan(`send ${topic}`, options, parent, async (span) => {
      try {
        const headers: TextHeaders = {
          [eventHeaders.eventId]: eventId,
          [eventHeaders.correlationId]:
            publication.correlationId ?? causedBy?.headers[eventHeaders.correlationId] ?? key,
          [eventHeaders.producer]: this.service,
          ...(causedBy ? { [eventHeaders.causationId]: causedBy.eventId } : {}),
          ...traceHeaders(publication),
        };
        await this.records.send(topic, { key, value, headers });
        return eventId;
      } finally {
        span.end();
      }
    });
  }
}

/**
 * The application's stored trace when one is given (an outcome found by an HTTP callback or a poll
 * joins the application's trace, not the callback's); else inside a handler the active span, and
 * outside one the cause's trace.
 */
function parentOf(publication: Publication): Context {
  const traceparent =
    publication.traceparent ??
    (trace.getActiveSpan() ? undefined : publication.causedBy?.traceparent);
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : context.active();
}

/** The active span's context; without tracing, the one it was given, so the chain is not broken. */
function traceHeaders(publication: Publication): TextHeaders {
  const carrier: TextHeaders = {};
  propagation.inject(context.active(), carrier);
  if (carrier.traceparent) return carrier;
  const { causedBy } = publication;
  const traceparent = publication.traceparent ?? causedBy?.traceparent;
  if (traceparent) carrier.traceparent = traceparent;
  const tracestate = publication.traceparent
    ? undefined
    : causedBy?.headers[eventHeaders.tracestate];
  if (tracestate) carrier.tracestate = tracestate;
  return carrier;
}
