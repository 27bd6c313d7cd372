import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { describe, expect, it, onTestFinished } from 'vitest';
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

/** The kit's own bootstrap, registered globally for this test only; flushed by `shutdown`. */
function tracingForThisTest(service: string): () => Promise<void> {
  const tracing = startTracing({ service, exporter: 'zipkin', zipkinUrl: platform().ZIPKIN_URL });
  let shutdown: Promise<void> | undefined;
  const flushAndUnregister = () =>
    (shutdown ??= tracing.shutdown().finally(() => {
      trace.disable();
      propagation.disable();
      context.disable();
    }));
  onTestFinished(flushAndUnregister);
  return flushAndUnregister;
}

async function zipkinTraces(service: string): Promise<ZipkinSpan[][]> {
  const url = new URL('/api/v2/traces', platform().ZIPKIN_URL);
  url.searchParams.set('serviceName', service);
  url.searchParams.set('limit', '10');
  const response = await fetch(url);
  if (!response.ok) return [];
  return (await response.json()) as ZipkinSpan[][];
}

function traceparentParts(traceparent: string | undefined) {
  const [, traceId, spanId] =
    /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(traceparent ?? '') ?? [];
  return { traceId, spanId };
}

describe('tracing', () => {
  it('puts the publishing span, the consumer span and the consequence in one Zipkin trace', async () => {
    const service = uniqueService('traced');
    const flushTracing = tracingForThisTest(service);
    const kafka = testKafka();
    const input = await createTestTopic(kafka, 'traced-input');
    const consequences = await createTestTopic(kafka, 'traced-consequence');
    const producer = new EventProducer(service, kafka, testSerde());
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    const engine = await startEngine(kafka, service, [
      {
        name: 'relay',
        topic: input,
        type: testEventType,
        async handle(event: TestEvent, cause) {
          await producer.publish(consequences, testEventType, {
            key: event.applicationId,
            value: { ...event, seq: event.seq + 1 },
            causedBy: cause,
          });
        },
      },
    ]);
    const { received } = await collectFrom(kafka, consequences);

    // given an event published inside an active span
    const tracer = trace.getTracer('kit-tracing-test');
    const published = await tracer.startActiveSpan(
      `send ${input}`,
      { kind: SpanKind.PRODUCER },
      async (span) => {
        try {
          const eventId = await producer.publish(input, testEventType, {
            key: 'app-traced',
            value: { applicationId: 'app-traced', seq: 1 },
          });
          return { eventId, ...span.spanContext() };
        } finally {
          span.end();
        }
      },
    );

    // when the handler publishes its consequence
    const [consequence] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the consequence',
    });
    await engine.stop(5_000);
    await flushTracing();

    // then the consequence continues the trace, from the consumer span
    const carried = traceparentParts(consequence?.message.headers?.traceparent?.toString());
    expect(carried.traceId).toBe(published.traceId);

    // and Zipkin holds one trace with the producer span and its child, the consumer span
    const traces = await eventually(
      async () => {
        const found = await zipkinTraces(service);
        const spans = found.flat();
        return spans.some(({ name }) => name === `process ${input}`) &&
          spans.some(({ name }) => name === `send ${input}`)
          ? found
          : undefined;
      },
      { timeoutMs: 30_000, what: `both spans of ${service} in Zipkin` },
    );
    expect(traces).toHaveLength(1);
    const spans = traces[0] ?? [];
    const producerSpan = spans.find(({ name }) => name === `send ${input}`);
    const consumerSpan = spans.find(({ name }) => name === `process ${input}`);
    expect(producerSpan).toMatchObject({
      traceId: published.traceId,
      id: published.spanId,
      kind: 'PRODUCER',
    });
    expect(consumerSpan).toMatchObject({
      traceId: published.traceId,
      parentId: published.spanId,
      kind: 'CONSUMER',
      tags: {
        'messaging.destination.name': input,
        'messaging.consumer.group.name': groupOf(service, 'relay'),
        'messaging.message.id': published.eventId,
        'hub.application_id': 'app-traced',
      },
    });
    expect(carried.spanId).toBe(consumerSpan?.id);
  });
});
