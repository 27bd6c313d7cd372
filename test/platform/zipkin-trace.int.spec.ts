import { randomUUID } from 'node:crypto';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { describe, expect, it, onTestFinished } from 'vitest';
import { eventually, platform } from '../support/index.js';

interface ZipkinSpan {
  traceId: string;
  name: string;
  localEndpoint?: { serviceName?: string };
}

describe('the trace backend', () => {
  it('returns a span exported with OpenTelemetry through Zipkin’s HTTP API', async () => {
    const serviceName = `platform-check-${randomUUID().slice(0, 8)}`;
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
      spanProcessors: [
        new SimpleSpanProcessor(
          new ZipkinExporter({ url: `${platform().ZIPKIN_URL}/api/v2/spans` }),
        ),
      ],
    });
    onTestFinished(() => provider.shutdown());

    const span = provider.getTracer('platform-check').startSpan('platform check');
    const traceId = span.spanContext().traceId;
    span.end();
    await provider.forceFlush();

    const spans = await eventually(
      async () => {
        const response = await fetch(`${platform().ZIPKIN_URL}/api/v2/trace/${traceId}`);
        return response.ok ? ((await response.json()) as ZipkinSpan[]) : undefined;
      },
      { timeoutMs: 20_000, what: `trace ${traceId} in Zipkin` },
    );
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      traceId,
      name: 'platform check',
      localEndpoint: { serviceName },
    });
  });
});
