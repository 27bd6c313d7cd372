import { randomUUID } from 'node:crypto';
import type { AvroSerde } from '@hub/avro-serde';
import {
  examples,
  schemaType,
  type PaymentLinkIssued,
  type PaymentRequested,
} from '@hub/contracts';
import { eventHeaders, RecordSender } from '@hub/kit';
import { collectFrom, type testKafka } from '@hub/test-support';
import { onTestFinished } from 'vitest';
import { submitPayPage } from './simulator-process.js';

/**
 * The fault suite's traffic through the payment leg: payment requests at a steady rate, a citizen
 * who pays every link as soon as it is issued (without following the redirect back, so the
 * provider's notification or the poller must tell the hub), and what came out on the topics.
 */
export interface PaymentTraffic {
  /** applicationId → when its request was published (ms). */
  readonly accepted: Map<string, number>;
  /** applicationIds whose pay page answered the payment with its redirect. */
  readonly paid: Set<string>;
  /** applicationId → distinct event ids of its link events. */
  readonly links: Map<string, Set<string>>;
  /** applicationId → distinct event ids of its settlement events; first settlement time. */
  readonly settled: Map<string, { ids: Set<string>; at: number }>;
  /** applicationId → when the send of its request was acknowledged (ISO time). */
  readonly acks: Map<string, string>;
  /** Requests kafkajs' acknowledgements left out, which the kit's sender sent again. */
  leftOut(): number;
  /** Our records in the connector's dead-letter topics. */
  deadLettered(): number;
  /** Publishes `count` payment requests. */
  request(count: number): Promise<void>;
  /** Pays every link issued and not yet paid; resolves when those pay pages have answered. */
  payIssuedLinks(): Promise<void>;
}

/** The platform's Kafka client (kafkajs is test-support's dependency, not this service's). */
type Kafka = ReturnType<typeof testKafka>;

const headerText = (headers: Record<string, unknown> | undefined, name: string) =>
  (headers?.[name] as Buffer | undefined)?.toString() ?? '';

export async function paymentTraffic(
  kafka: Kafka,
  serde: AvroSerde,
  service: string,
): Promise<PaymentTraffic> {
  const accepted = new Map<string, number>();
  const paid = new Set<string>();
  const paying = new Set<string>();
  const links = new Map<string, Set<string>>();
  const settled = new Map<string, { ids: Set<string>; at: number }>();
  const linkUrls = new Map<string, string>();
  const acks = new Map<string, string>();
  const linkTopic = await collectFrom(kafka, 'payment.payment-link-issued.v1');
  const settledTopic = await collectFrom(kafka, 'payment.payment-settled.v1');
  const deadLetters = await Promise.all(
    ['payment-requested', 'citizen-status-changed'].map((handler) =>
      collectFrom(kafka, `dlq.${service}.${handler}`),
    ),
  );
  // The hub's own way of writing records, so a record lost while a broker leaves is the hub's.
  let leftOut = 0;
  const producer = new RecordSender(kafka, (records) => (leftOut += records));
  await producer.connect();
  onTestFinished(() => producer.disconnect());
  let linksRead = 0;
  let settledRead = 0;

  const readTopics = async () => {
    for (const record of linkTopic.received.slice(linksRead)) {
      linksRead += 1;
      const applicationId = record.message.key?.toString() ?? '';
      if (!accepted.has(applicationId)) continue;
      const link = await serde.decode<PaymentLinkIssued>(
        record.message.value ?? Buffer.alloc(0),
        schemaType('payment/payment-link-issued'),
      );
      linkUrls.set(applicationId, link.value.paymentUrl);
      const ids = links.get(applicationId) ?? new Set<string>();
      ids.add(headerText(record.message.headers, eventHeaders.eventId));
      links.set(applicationId, ids);
    }
    for (const record of settledTopic.received.slice(settledRead)) {
      settledRead += 1;
      const applicationId = record.message.key?.toString() ?? '';
      if (!accepted.has(applicationId)) continue;
      const entry = settled.get(applicationId) ?? {
        ids: new Set<string>(),
        at: Number(record.message.timestamp),
      };
      entry.ids.add(headerText(record.message.headers, eventHeaders.eventId));
      settled.set(applicationId, entry);
    }
  };

  return {
    accepted,
    paid,
    links,
    settled,
    acks,
    leftOut: () => leftOut,
    deadLettered: () =>
      deadLetters
        .flatMap(({ received }) => received)
        .filter((record) => accepted.has(record.message.key?.toString() ?? '')).length,
    async request(count) {
      const requests: PaymentRequested[] = Array.from({ length: count }, () => ({
        ...examples['payment/payment-requested'],
        applicationId: randomUUID(),
        paymentId: randomUUID(),
        requestedAt: new Date(),
      }));
      const topic = 'payment.payment-requested.v1';
      const messages = await Promise.all(
        requests.map(async (requested) => ({
          key: requested.applicationId,
          value: await serde.encode(
            `${topic}-value`,
            schemaType('payment/payment-requested'),
            requested,
          ),
          headers: { [eventHeaders.eventId]: randomUUID() },
        })),
      );
      // Known before the send resolves: on a slow ack the link may be read before the send returns.
      for (const requested of requests) accepted.set(requested.applicationId, Date.now());
      await Promise.all(
        messages.map(async (message) => {
          await producer.send(topic, message);
          acks.set(message.key, new Date().toISOString());
        }),
      );
    },
    async payIssuedLinks() {
      await readTopics();
      const due = [...linkUrls].filter(([id]) => !paid.has(id) && !paying.has(id));
      await Promise.all(
        due.map(async ([applicationId, url]) => {
          paying.add(applicationId);
          try {
            const answer = await submitPayPage(url, 'pay', 'PAYPAL');
            await answer.body?.cancel();
            if (answer.status === 303) paid.add(applicationId);
          } finally {
            paying.delete(applicationId);
          }
        }),
      );
    },
  };
}
