import type { Kafka } from 'kafkajs';

/** A dead-letter topic with how many records it holds now (end minus start, over its partitions). */
export interface DeadLetterTopic {
  readonly topic: string;
  readonly count: number;
}

const prefix = 'dlq.';

/** Every `dlq.*` topic of the cluster, by name; read from offsets only, no record is fetched. */
export async function deadLetterTopics(kafka: Kafka): Promise<DeadLetterTopic[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix)).sort();
    return await Promise.all(
      topics.map(async (topic) => ({
        topic,
        count: (await admin.fetchTopicOffsets(topic)).reduce(
          (sum, { high, low }) => sum + Number(BigInt(high) - BigInt(low)),
          0,
        ),
      })),
    );
  } finally {
    await admin.disconnect();
  }
}
