import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { AvroSerde } from '@hub/avro-serde';
import { examples, schemaType, type DeliveryRequested } from '@hub/contracts';
import { eventHeaders, RecordSender } from '@hub/kit';
import { onTestFinished } from 'vitest';
import { formFields } from '../src/map/from-delivery-requested.js';

export const deliveryTopic = 'procedure.delivery-requested.v1';
const base = examples['procedure/delivery-requested'];

/** A building-permit delivery request for a fresh application (isolates a test by key). */
export function deliveryRequest(
  overrides: { standardVersion?: string; measureCode?: string; recipient?: string } = {},
): DeliveryRequested {
  const applicationId = randomUUID();
  return {
    ...base,
    applicationId,
    standardVersion: overrides.standardVersion ?? '2.6',
    recipient: { authorityId: overrides.recipient ?? 'bab:05913000', name: 'Bauaufsicht' },
    application: {
      ...base.application,
      applicationId,
      formFields: [
        { key: formFields.title, value: 'Carport' },
        { key: formFields.measureCode, value: overrides.measureCode ?? '10' },
        { key: formFields.district, value: '051234' },
        { key: formFields.numerator, value: '17' },
      ],
      attachments: base.application.attachments.map((attachment) => ({
        ...attachment,
        mediaType: 'image/png',
      })),
    },
  };
}

/** Publishes the requests keyed by application id in one batch; returns their event ids. */
export async function sendDeliveryRequests(
  kafka: Kafka,
  serde: AvroSerde,
  requests: readonly DeliveryRequested[],
  eventIds: readonly string[] = requests.map(() => randomUUID()),
): Promise<readonly string[]> {
  // The hub's own sender: what the fault suite loses while a broker leaves is then the hub's.
  const producer = new RecordSender(kafka);
  await producer.connect();
  onTestFinished(() => producer.disconnect());
  const type = schemaType('procedure/delivery-requested');
  const messages = await Promise.all(
    requests.map(async (request, index) => ({
      key: request.applicationId,
      value: await serde.encode(`${deliveryTopic}-value`, type, request),
      headers: { [eventHeaders.eventId]: eventIds[index] ?? randomUUID() },
    })),
  );
  await Promise.all(messages.map((message) => producer.send(deliveryTopic, message)));
  return eventIds;
}
