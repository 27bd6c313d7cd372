import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Attributes that the HTTP instrumentation records by default and that identify a citizen: the
 * client's IP address and browser. They never leave the process.
 */
export const personalSpanAttributes: readonly string[] = [
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
  'user_agent.original',
  'http.client_ip',
  'http.user_agent',
  'net.peer.ip',
  'net.peer.port',
  'net.sock.peer.addr',
  'net.sock.peer.port',
];

function withoutPersonalAttributes(span: ReadableSpan): ReadableSpan {
  if (!personalSpanAttributes.some((name) => name in span.attributes)) return span;
  const attributes = Object.fromEntries(
    Object.entries(span.attributes).filter(([name]) => !personalSpanAttributes.includes(name)),
  );
  // Keeps the span's prototype (spanContext() and the rest) and replaces only its attributes.
  return Object.assign(Object.create(Object.getPrototypeOf(span) as object) as ReadableSpan, span, {
    attributes,
  });
}

/** Wraps the real exporter; every span passes through here on its way out. */
export class PersonalDataFreeExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.exporter.export(spans.map(withoutPersonalAttributes), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
