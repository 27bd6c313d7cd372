import type { Attributes } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { redactErrorMessage } from '../errors/redact-error-message.js';

// Where instrumentations put error text: the status message, recordException's event attributes
// and the conventional error attributes.
const errorTextAttributes = ['exception.message', 'exception.stacktrace', 'error.message'];

/**
 * Wraps the real exporter: every span leaves the process with its status message and exception
 * texts redacted, whichever instrumentation (kafkajs, http, ours) recorded them.
 */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(redactedSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** A view of the span that differs only in its error texts; the span itself stays untouched. */
export function redactedSpan(span: ReadableSpan): ReadableSpan {
  const view = Object.create(span) as ReadableSpan;
  const status = span.status.message
    ? { ...span.status, message: redactErrorMessage(span.status.message) }
    : span.status;
  Object.defineProperties(view, {
    status: { value: status },
    attributes: { value: redactedAttributes(span.attributes) },
    events: {
      value: span.events.map((event) =>
        event.attributes ? { ...event, attributes: redactedAttributes(event.attributes) } : event,
      ),
    },
  });
  return view;
}

function redactedAttributes(attributes: Attributes): Attributes {
  const copy: Attributes = { ...attributes };
  for (const name of errorTextAttributes) {
    const value = copy[name];
    if (typeof value === 'string') copy[name] = redactErrorMessage(value);
  }
  return copy;
}
