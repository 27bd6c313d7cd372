import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { topics } from '@hub/contracts';
import type { EventProducer } from '@hub/kit';
import type { SubmittedApplicationPublisher } from './submit-application.js';
import { toApplicationSubmitted } from './to-application-submitted.js';

const topic = topics.applicationSubmitted;
const tracer = trace.getTracer('portal-gateway');

/**
 * Publishes to the application-submitted topic keyed by application id (the kit's PRODUCER span
 * inside), in a span that continues
 * the portal's `traceparent` (or starts the trace); resolves once acks=all.
 */
export class KafkaSubmittedApplicationPublisher implements SubmittedApplicationPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(
    ...[application, traceparent]: Parameters<SubmittedApplicationPublisher['publish']>
  ): Promise<void> {
    const portalContext = traceparent
      ? propagation.extract(context.active(), { traceparent })
      : context.active();
    await tracer.startActiveSpan(
      'submit application',
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          'hub.application_id': application.applicationId,
          'messaging.destination.name': topic.name,
        },
      },
      portalContext,
      async (span) => {
        try {
          await this.producer.publish(topic, {
            key: application.applicationId,
            value: toApplicationSubmitted(application, application),
            correlationId: application.applicationId,
          });
        } finally {
          span.end();
        }
      },
    );
  }
}
