import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { topics } from '@hub/contracts';

const deliveredTopic = topics.applicationDelivered.name;

/**
 * Watches the topic that says an application reached the authority's XTA server and remembers
 * when each application id (the record key) appeared, and how often (more than once would be a
 * duplicate delivery event).
 */
export async function watchDeliveries(brokers: string) {
  const kafka = new Kafka({
    clientId: 'hub-bench-chain',
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const consumer = kafka.consumer({ groupId: `hub-bench-chain-${randomUUID().slice(0, 8)}` });
  const firstSeen = new Map<string, number>();
  const seen = new Map<string, number>();
  await consumer.connect();
  await consumer.subscribe({ topic: deliveredTopic, fromBeginning: false });
  let assigned = false;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    assigned = true;
  });
  await consumer.run({
    eachMessage: ({ message }) => {
      const id = message.key?.toString() ?? '';
      if (!firstSeen.has(id)) firstSeen.set(id, Date.now());
      seen.set(id, (seen.get(id) ?? 0) + 1);
      return Promise.resolve();
    },
  });
  return {
    firstSeen,
    seen,
    isAssigned: () => assigned,
    stop: () => consumer.disconnect(),
  };
}
