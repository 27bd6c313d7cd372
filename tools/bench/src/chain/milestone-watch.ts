import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, topics, type CitizenStatusChanged } from '@hub/contracts';

/** When each application id (the record key) first reached a milestone, and how often it did. */
export interface Milestone {
  readonly firstSeen: Map<string, number>;
  readonly seen: Map<string, number>;
}

/**
 * Watches the chain's two milestones from now on: "delivered" (the XBau connector's event: the
 * application reached the authority's XTA server) and "completed" (the case router's citizen status
 * COMPLETED: every reply of the authority came back and was read). More than one delivery event
 * for an application would be a duplicate.
 */
export async function watchMilestones(brokers: string, registryUrl: string) {
  const kafka = new Kafka({
    clientId: 'hub-bench-chain',
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const consumer = kafka.consumer({ groupId: `hub-bench-chain-${randomUUID().slice(0, 8)}` });
  const serde = new AvroSerde(new SchemaRegistryClient(registryUrl));
  const statusType = schemaType(topics.citizenStatusChanged.valueSchema);
  const delivered: Milestone = { firstSeen: new Map(), seen: new Map() };
  const completed: Milestone = { firstSeen: new Map(), seen: new Map() };
  const note = (milestone: Milestone, id: string): void => {
    if (!milestone.firstSeen.has(id)) milestone.firstSeen.set(id, Date.now());
    milestone.seen.set(id, (milestone.seen.get(id) ?? 0) + 1);
  };
  await consumer.connect();
  await consumer.subscribe({
    topics: [topics.applicationDelivered.name, topics.citizenStatusChanged.name],
    fromBeginning: false,
  });
  let assigned = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    assigned = true;
  });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const id = message.key?.toString() ?? '';
      if (topic === topics.applicationDelivered.name) {
        note(delivered, id);
        return;
      }
      if (!message.value) return;
      const { value } = await serde.decode<CitizenStatusChanged>(message.value, statusType);
      if (value.state === 'COMPLETED') note(completed, id);
    },
  });
  return {
    delivered,
    completed,
    isAssigned: () => assigned,
    stop: () => consumer.disconnect(),
  };
}
