import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { HubError } from '@hub/errors';
import { EventProducer, groupOf, startTracing } from '../src/index.js';
import {
  startEngine,
  testEventType,
  testSerde,
  uniqueService,
  type TestEvent,
} from './fixtures.js';
import { collectFrom, createTestTopic, eventually, platform, testKafka } from '@hub/test-support';

interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly kind?: string;
  readonly tags?: Record<string, string>;
}

/** The spans Zipkin holds of one trace; none while it has not received them. */
async function zipkinTrace(traceId: string): Promise<ZipkinSpan[]> {
  const response = await fetch(new URL(`/api/v2/trace/${traceId}`, platform().ZIPKIN_URL));
  return response.ok ? ((await response.json()) as ZipkinSpan[]) : [];
}

/** Polls Zipkin until the trace holds a span of each name; spans arrive in export batches. */
function eventuallyInZipkin(traceId: string, names: string[]): Promise<ZipkinSpan[]> {
  return eventually(
    async () => {
      const spans = await zipkinTrace(traceId);
      return names.every((name) => spans.some((span) => span.name === name)) ? spans : undefined;
    },
    { timeoutMs: 30_000, what: `spans ${names.join(', ')} of trace ${traceId} in Zipkin` },
  );
}

/** Publishes one event inside an active PRODUCER span; returns its event id and the span's ids. */
async function publishInSpan(producer: EventProducer, topic: string, event: TestEvent) {
  const tracer = trace.getTracer('kit-tracing-test');
  // The caller's own span (e.g. the gateway's request); the kit's PRODUCER span is its child.
  return tracer.startActiveSpan('submit', { kind: SpanKind.INTERNAL }, async (span) => {
    try {
      const eventId = await producer.publish(
        { name: topic, type: testEventType },
        {
          key: event.applicationId,
          value: event,
        },
      );
      return { eventId, ...span.spanContext() };
    } finally {
      span.end();
    }
  });
}

async function connectedProducer(kafka: Kafka, service: string): Promise<EventProducer> {
  const producer = new EventProducer(service, kafka, testSerde());
  await producer.connect();
  onTestFinished(() => producer.disconnect());
  return producer;
}

function traceparentParts(traceparent: string | undefined) {
  const [, traceId, spanId] =
    /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(traceparent ?? '') ?? [];
  return { traceId, spanId };
}

// The kit's tracer is taken once per module and keeps the first provider it finds, so the kit's
// own bootstrap is started once for this file and unregistered after it.
describe('tracing through startTracing and Zipkin', () => {
  const service = uniqueService('traced');
  let tracing: { shutdown(): Promise<void> } | undefined;
  beforeAll(() => {
    tracing = startTracing({ service, exporter: 'zipkin', zipkinUrl: platform().ZIPKIN_URL });
  });
  afterAll(async () => {
    await tracing?.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('puts the publishing span, the consumer span and the consequence in one trace', async () => {
    const kafka = testKafka();
    const input = await createTestTopic(kafka, 'traced-input');
    const consequences = await createTestTopic(kafka, 'traced-consequence');
    const producer = await connectedProducer(kafka, service);
    await startEngine(kafka, service, [
      {
        name: 'relay',
        topic: input,
        type: testEventType,
        async handle(event: TestEvent, cause) {
          await producer.publish(
            { name: consequences, type: testEventType },
            {
              key: event.applicationId,
              value: { ...event, seq: event.seq + 1 },
              causedBy: cause,
            },
          );
        },
      },
    ]);
    const { received } = await collectFrom(kafka, consequences);

    // given an event published inside an active span
    const published = await publishInSpan(producer, input, { applicationId: 'app-traced', seq: 1 });

    // when the handler publishes its consequence
    const [consequence] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the consequence',
    });

    // then Zipkin holds the producer span and, as its child, the consumer span in one trace
    const spans = await eventuallyInZipkin(published.traceId, [
      `send ${input}`,
      `process ${input}`,
    ]);
    const producerSpan = spans.find(({ name }) => name === `send ${input}`);
    const consumerSpan = spans.find(({ name }) => name === `process ${input}`);
    expect(producerSpan).toMatchObject({
      parentId: published.spanId,
      kind: 'PRODUCER',
      tags: {
        'messaging.system': 'kafka',
        'messaging.operation.name': 'send',
        'messaging.operation.type': 'send',
        'messaging.destination.name': input,
        'messaging.kafka.message.key': 'app-traced',
        'messaging.message.id': published.eventId,
      },
    });
    expect(consumerSpan).toMatchObject({
      parentId: producerSpan?.id,
      kind: 'CONSUMER',
      tags: {
        'messaging.system': 'kafka',
        'messaging.destination.name': input,
        'messaging.consumer.group.name': groupOf(service, 'relay'),
        'messaging.destination.partition.id': '0',
        'messaging.kafka.offset': '0',
        'messaging.message.id': published.eventId,
        'hub.application_id': 'app-traced',
      },
    });

    // and the consequence continues that trace: its own PRODUCER span, a child of the consumer span
    const withConsequence = await eventuallyInZipkin(published.traceId, [`send ${consequences}`]);
    const consequenceSpan = withConsequence.find(({ name }) => name === `send ${consequences}`);
    expect(consequenceSpan).toMatchObject({ parentId: consumerSpan?.id, kind: 'PRODUCER' });
    const carried = traceparentParts(consequence?.message.headers?.traceparent?.toString());
    expect(carried).toEqual({ traceId: published.traceId, spanId: consequenceSpan?.id });
  });

  it('puts an outcome found by an HTTP callback into the stored trace of its application, linked to the callback', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'traced-callback');
    const producer = await connectedProducer(kafka, service);
    // given the application's trace, stored when its request was handled
    const stored = '00-5c0ffee5c0ffee5c0ffee5c0ffee5c0f-00f067aa0ba902b7-01';
    const callback = trace.getTracer('kit-tracing-test');

    // when a provider's callback (a trace of its own) finds the outcome and publishes it
    const callbackSpan = await callback.startActiveSpan('post', async (span) => {
      try {
        await producer.publish(
          { name: topic, type: testEventType },
          { key: 'app-paid', value: { applicationId: 'app-paid', seq: 1 }, traceparent: stored },
        );
        return span.spanContext();
      } finally {
        span.end();
      }
    });

    // then the send span is a child of the stored context and links to the callback's span
    const [send] = await eventuallyInZipkin(traceparentParts(stored).traceId ?? '', [
      `send ${topic}`,
    ]);
    expect(send).toMatchObject({ parentId: traceparentParts(stored).spanId });
    expect(callbackSpan.traceId).not.toBe(traceparentParts(stored).traceId);
  });

  it('marks the consumer span of a dead-lettered event with its error code', async () => {
    const kafka = testKafka();
    const input = await createTestTopic(kafka, 'traced-poison');
    const producer = await connectedProducer(kafka, service);
    await startEngine(kafka, service, [
      {
        name: 'refuse',
        topic: input,
        type: testEventType,
        handle: () => Promise.reject(new HubError('TEST_REFUSED', 'refused', { retryable: false })),
      },
    ]);

    const published = await publishInSpan(producer, input, { applicationId: 'app-poison', seq: 1 });

    const spans = await eventuallyInZipkin(published.traceId, [
      `send ${input}`,
      `process ${input}`,
    ]);
    expect(spans.find(({ name }) => name === `process ${input}`)).toMatchObject({
      parentId: spans.find(({ name }) => name === `send ${input}`)?.id,
      kind: 'CONSUMER',
      tags: {
        'messaging.consumer.group.name': groupOf(service, 'refuse'),
        'hub.error.code': 'TEST_REFUSED',
        'otel.status_code': 'ERROR',
      },
    });
  });

  it("carries each application's own trace in its record when publishes share a produce request", async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'traced-batch');
    const producer = await connectedProducer(kafka, service);
    const { received } = await collectFrom(kafka, topic);

    // given five applications, each published in its own trace at the same moment, so that the
    // records queue up behind the first produce request and go out together in the next
    const applications = ['app-a', 'app-b', 'app-c', 'app-d', 'app-e'];
    const published = await Promise.all(
      applications.map((applicationId) =>
        publishInSpan(producer, topic, { applicationId, seq: 1 }),
      ),
    );

    // then each record names the trace of its own application
    const records = await eventually(
      () => (received.length === applications.length ? received : undefined),
      { timeoutMs: 30_000, what: 'the five records' },
    );
    const carried = new Map(
      records.map(({ message }) => [
        message.key?.toString(),
        traceparentParts(message.headers?.traceparent?.toString()).traceId,
      ]),
    );
    expect(Object.fromEntries(carried)).toEqual(
      Object.fromEntries(published.map(({ traceId }, index) => [applications[index], traceId])),
    );
  });
});
