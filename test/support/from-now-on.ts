import type { Kafka } from 'kafkajs';
import { consumedBy } from '@hub/contracts';

/**
 * Starts every consumer group of a service run under the name `service` (e.g.
 * `payment-connector-ops-1a2b`) at the end of its catalogue topics, so a fresh group does not
 * work through what earlier runs left on the shared topics. `kind` is the catalogue's service.
 */
export async function consumeFromNowOn(kafka: Kafka, kind: string, service: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const { topic, group } of consumedBy(kind)) {
      const groupId = `${service}${group.slice(kind.length)}`;
      // A topic nobody has created yet has no backlog either.
      await admin.resetOffsets({ groupId, topic, earliest: false }).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}
