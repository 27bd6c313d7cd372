import type { KafkaClient } from './kafka-client.js';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

/**
 * Creates the topics the kit owns (dead-letter topics) when they are missing: the cluster does not
 * auto-create topics. Existing topics are left as they are.
 */
export async function ensureTopics(
  kafka: KafkaClient,
  topics: readonly TopicSpec[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map(({ topic, partitions }) => ({ topic, numPartitions: partitions })),
    });
  } finally {
    await admin.disconnect();
  }
}
