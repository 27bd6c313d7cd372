import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { AvroSerde } from '@hub/avro-serde';
import { schemaType, valueSubject, type eventTopics } from '@hub/contracts';
import { eventHeaders } from '@hub/kit';
import type { SubmittedApplicationPublisher } from './submit-application.js';
import { toApplicationSubmitted } from './to-application-submitted.js';

const topic = 'portal.application-submitted.v1' satisfies (typeof eventTopics)[number]['name'];
const type = schemaType('portal/application-submitted');

/**
 * Publishes to `portal.application-submitted.v1` keyed by application id, with the portal's
 * `traceparent` carried on; resolves only when all in-sync replicas have the record (acks=all).
 */
export class KafkaSubmittedApplicationPublisher implements SubmittedApplicationPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly serde: AvroSerde,
  ) {}

  async publish(
    ...[application, traceparent]: Parameters<SubmittedApplicationPublisher['publish']>
  ): Promise<void> {
    const value = await this.serde.encode(
      valueSubject(topic),
      type,
      toApplicationSubmitted(application, application),
    );
    const eventId = randomUUID();
    await this.producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: application.applicationId,
          value,
          headers: {
            [eventHeaders.eventId]: eventId,
            [eventHeaders.correlationId]: application.applicationId,
            [eventHeaders.producer]: 'portal-gateway',
            ...(traceparent ? { [eventHeaders.traceparent]: traceparent } : {}),
          },
        },
      ],
    });
  }
}
