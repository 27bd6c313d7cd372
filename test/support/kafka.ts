import {
  Kafka,
  logLevel,
  type Admin,
  type Consumer,
  type EachMessagePayload,
  type Producer,
} from 'kafkajs';
import { onTestFinished } from 'vitest';
import { consumedBy } from '@hub/contracts';
import { eventually } from '@hub/polling';
import { platform } from './platform.js';
import { uniqueGroup, uniqueTopic } from './unique.js';

/** A kafkajs client for the shared platform (or for `brokers`, e.g. a test's own cluster). */
export function testKafka(brokers = platform().KAFKA_BROKERS): Kafka {
  return new Kafka({ clientId: 'hub-test', brokers: brokers.split(','), logLevel: logLevel.ERROR });
}

/** Creates a topic for this test only and deletes it when the test finishes. */
export async function createTestTopic(
  kafka: Kafka,
  purpose: string,
  options: { partitions?: number; replicationFactor?: number } = {},
): Promise<string> {
  const topic = uniqueTopic(purpose);
  const admin = kafka.admin();
  await admin.connect();
  onTestFinished(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });
  const partitions = options.partitions ?? 1;
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      { topic, numPartitions: partitions, replicationFactor: options.replicationFactor ?? 1 },
    ],
  });
  // kafkajs's own waitForLeaders gives up when a broker has not yet heard of the new topic.
  await eventually(
    async () => {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      const ready =
        metadata.topics[0]?.partitions.filter((partition) => partition.leader >= 0).length ===
        partitions;
      return ready ? true : undefined;
    },
    { timeoutMs: 30_000, what: `leaders for all ${partitions} partition(s) of ${topic}` },
  );
  return topic;
}

/** An idempotent acks=all producer, disconnected when the test finishes. */
export async function testProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  onTestFinished(() => producer.disconnect());
  return producer;
}

/**
 * A consumer in a fresh group that reads `topic` from the beginning into the returned array;
 * stopped when the test finishes.
 */
export async function collectFrom(
  kafka: Kafka,
  topic: string,
): Promise<{ consumer: Consumer; received: EachMessagePayload[] }> {
  // A short fetch wait: disconnecting waits for the fetch in flight (kafkajs' default is 5 s).
  const consumer = kafka.consumer({ groupId: uniqueGroup('collector'), maxWaitTimeInMs: 200 });
  const received: EachMessagePayload[] = [];
  await consumer.connect();
  onTestFinished(() => consumer.disconnect());
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: (payload) => {
      received.push(payload);
      return Promise.resolve();
    },
  });
  return { consumer, received };
}

/**
 * Commits the current end of every catalogue topic `catalogueService` reads for the groups the
 * same handlers get under `service` (a unique test name): a fresh group would otherwise start
 * from the beginning (the kit subscribes `fromBeginning`) and replay the shared platform's
 * history, other suites' applications included. Call before the service starts.
 */
export async function startGroupsAtEnd(
  kafka: Kafka,
  service: string,
  catalogueService: string,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // In parallel: each reset joins the group once (kafkajs' setOffsets), seconds apiece.
    await Promise.all(
      consumedBy(catalogueService).map(({ topic, group }) =>
        commitTopicEnd(admin, `${service}${group.slice(catalogueService.length)}`, topic)
          // A topic nobody has created yet has no backlog either.
          .catch(() => undefined),
      ),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Commits the topic's current end offsets for `groupId`. Not kafkajs' `resetOffsets({ earliest:
 * false })`: that commits -1 ("latest" to the Java client), which a kafkajs consumer reads as no
 * offset at all, so the kit's `fromBeginning` replayed the whole topic into a "fresh" group.
 */
export async function commitTopicEnd(admin: Admin, groupId: string, topic: string): Promise<void> {
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.setOffsets({
    groupId,
    topic,
    partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
  });
}
