import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { schemaType, type eventTopics } from '@hub/contracts';
import type { EventProducer } from '@hub/kit';
import type { SubmittedApplicationPublisher } from './submit-application.js';
import { toApplicationSubmitted } from './to-application-submitted.js';

const topic = 'portal.application-submitted.v1' satisfies (typeof eventTopics)[number]['name'];
const type = schemaType('portal/application-submitted');
const tracer = trace.getTracer('portal-gateway');

/**
 * Publishes to `portal.application-submitted.v1` keyed by application id (the kit's PRODUCER span
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
          'messaging.destination.name': topic,
        },
      },
      portalContext,
      async (span) => {
        try {
          await this.producer.publish(topic, type, {
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
