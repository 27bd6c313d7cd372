import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { PersonalDataFreeExporter } from './personal-data-free-exporter.js';

describe('PersonalDataFreeExporter', () => {
  it('drops the client address and user agent, keeps every other attribute and the span context', () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new PersonalDataFreeExporter(memory))],
    });
    const span = provider.getTracer('test').startSpan('POST /v1/applications', {
      attributes: {
        'client.address': '203.0.113.7',
        'user_agent.original': 'Mozilla/5.0 (citizen browser)',
        'http.response.status_code': 202,
        'hub.application_id': 'b3c1a9e2-5d41-4a53-9c65-0f6a7d0e5a11',
      },
    });
    span.end();

    const [exported] = memory.getFinishedSpans();
    expect(exported?.attributes).toEqual({
      'http.response.status_code': 202,
      'hub.application_id': 'b3c1a9e2-5d41-4a53-9c65-0f6a7d0e5a11',
    });
    expect(exported?.spanContext().traceId).toBe(span.spanContext().traceId);
    expect(exported?.name).toBe('POST /v1/applications');
  });
});
