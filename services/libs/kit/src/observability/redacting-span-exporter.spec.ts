import { SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { RedactingSpanExporter } from './redacting-span-exporter.js';

const message = "Element 'familienname': The value 'Zyxwort\u0000 Quxheim' is not accepted";

describe('RedactingSpanExporter', () => {
  it('given a span with an error status and a recorded exception, when exported, then neither carries the name', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new RedactingSpanExporter(memory))],
    });
    const span = provider.getTracer('test').startSpan('process');
    span.recordException(new TypeError(message));
    span.setStatus({ code: SpanStatusCode.ERROR, message });
    span.setAttribute('hub.error.code', 'XOEV_INVALID');

    span.end();
    await provider.forceFlush();

    const [exported] = memory.getFinishedSpans();
    const text = JSON.stringify({ status: exported?.status, events: exported?.events });
    expect(text).toContain('familienname');
    expect(text).not.toContain('Zyxwort');
    expect(exported?.attributes['hub.error.code']).toBe('XOEV_INVALID');
    expect(exported?.spanContext().traceId).toBe(span.spanContext().traceId);
  });
});
