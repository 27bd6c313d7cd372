import { ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from './tracing.js';

// startTracing registers the global provider once per process: one bootstrap for this file.
describe('sampling (TRACE_SAMPLE_RATIO, parent-based)', () => {
  let tracing: { shutdown(): Promise<void> } | undefined;
  beforeAll(() => {
    tracing = startTracing({
      service: 'sampling-spec',
      exporter: 'zipkin',
      // Nothing listens here: the spans that are kept fail to export, which this test ignores.
      zipkinUrl: 'http://127.0.0.1:9',
      sampleRatio: 0,
    });
  });
  afterAll(async () => {
    await tracing?.shutdown().catch(() => undefined);
    trace.disable();
    propagation.disable();
    context.disable();
  });

  const tracer = () => trace.getTracer('sampling-spec');
  const childOf = (traceparent: string) =>
    tracer().startSpan('process', {}, propagation.extract(ROOT_CONTEXT, { traceparent }));

  it('given a ratio of 0, drops the traces it starts itself', () => {
    const root = tracer().startSpan('submit');
    expect(root.isRecording()).toBe(false);
    root.end();
  });

  it('keeps a span whose parent (another service) kept its trace, so the trace stays whole', () => {
    const span = childOf('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(span.isRecording()).toBe(true);
    expect(span.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    span.end();
  });

  it('drops a span whose parent dropped its trace', () => {
    const span = childOf('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00');
    expect(span.isRecording()).toBe(false);
    span.end();
  });
});
