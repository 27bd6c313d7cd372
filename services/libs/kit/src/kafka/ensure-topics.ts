import { HubError } from '@hub/errors';
import { eventually } from '@hub/polling';
import type { KafkaClient } from './kafka-client.js';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** Defaults to the broker's default.replication.factor. */
  readonly replicationFactor?: number;
}

/**
 * Creates the given topics when they are missing (the cluster does not auto-create topics) and
 * waits until every partition has a leader. Existing topics are left as they are. Topics in
 * `mustExist` (those a service reads) are never created: one that is missing is refused with what
 * to do about it, instead of the client's "This server does not host this topic-partition" from
 * deep inside a subscribe.
 */
export async function ensureTopics(
  kafka: KafkaClient,
  topics: readonly TopicSpec[],
  mustExist: readonly string[] = [],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const absent = mustExist.filter((topic) => !existing.has(topic));
    if (absent.length > 0)
      throw new HubError(
        'KAFKA_TOPIC_MISSING',
        `The cluster has no topic ${absent.join(', ')} and does not create topics: apply the catalogue with \`npm run hub -- contracts apply\` (npm start does), then start again.`,
        { retryable: false },
      );
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      // Its own wait gives up when a broker has not yet heard of the topic; the one below does not.
      waitForLeaders: false,
      topics: missing.map(({ topic, partitions, replicationFactor }) => ({
        topic,
        numPartitions: partitions,
        ...(replicationFactor === undefined ? {} : { replicationFactor }),
      })),
    });
    // Not kafkajs's waitForLeaders: it gives up when a broker has not yet heard of the new topic.
    await eventually(
      async () => {
        const metadata = await admin.fetchTopicMetadata({
          topics: missing.map(({ topic }) => topic),
        });
        const led = metadata.topics.every(
          (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
        );
        return led ? true : undefined;
      },
      {
        timeoutMs: 30_000,
        what: `leaders for the new topics ${missing.map(({ topic }) => topic).join(', ')}`,
      },
    );
  } finally {
    await admin.disconnect();
  }
}
