import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { memoizeModuleResolution } from './memoized-module-resolution.js';
import { PersonalDataFreeExporter } from './personal-data-free-exporter.js';
import { RedactingSpanExporter } from './redacting-span-exporter.js';

export interface TracingOptions {
  readonly service: string;
  readonly exporter: 'zipkin' | 'otlp' | 'none';
  readonly zipkinUrl?: string;
  readonly otlpEndpoint?: string | undefined;
  /** Share of the traces started here that are kept (default all). */
  readonly sampleRatio?: number;
}

/**
 * The one tracing bootstrap of every service: OpenTelemetry for Node with kafkajs and HTTP
 * instrumentation, W3C trace context (the SDK's default propagator), spans to Zipkin locally or
 * OTLP/HTTP by configuration. A citizen's IP address and browser never leave the process, nor
 * do the input values error texts quote. Sampling is parent-based: a trace started here is kept
 * with `sampleRatio`, a span whose parent came in over HTTP or a Kafka header follows the parent's
 * decision, so every service keeps or drops the same traces whole. Call it first in main, before
 * Kafka and HTTP clients exist.
 */
export function startTracing(options: TracingOptions): { shutdown(): Promise<void> } {
  const exporter = exporterFor(options);
  if (!exporter) return { shutdown: () => Promise.resolve() };
  memoizeModuleResolution();
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.service }),
    traceExporter: new PersonalDataFreeExporter(new RedactingSpanExporter(exporter)),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1),
    }),
    instrumentations: [new KafkaJsInstrumentation(), new HttpInstrumentation()],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

function exporterFor(options: TracingOptions): SpanExporter | undefined {
  switch (options.exporter) {
    case 'zipkin':
      return new ZipkinExporter({
        url: `${options.zipkinUrl ?? 'http://127.0.0.1:9411'}/api/v2/spans`,
        serviceName: options.service,
      });
    case 'otlp':
      return new OTLPTraceExporter(
        options.otlpEndpoint ? { url: `${options.otlpEndpoint}/v1/traces` } : {},
      );
    case 'none':
      return undefined;
  }
}
