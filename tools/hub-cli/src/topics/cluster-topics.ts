import kafkajs, { type Admin } from 'kafkajs';

// kafkajs is CommonJS; Node's ESM loader cannot see this enum as a named export.
const { ConfigResourceTypes } = kafkajs;
import type { TopicState } from './topic-drift.js';

/** The partitions and catalogue-owned configs of `topics` as the cluster has them now. */
export async function readTopicStates(
  admin: Admin,
  topics: readonly string[],
): Promise<Map<string, TopicState>> {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((topic) => existing.has(topic));
  const states = new Map<string, TopicState>(topics.map((topic) => [topic, {}]));
  if (present.length === 0) return states;
  const metadata = await admin.fetchTopicMetadata({ topics: present });
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: present.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['retention.ms', 'cleanup.policy'],
    })),
  });
  for (const topic of metadata.topics) {
    const entries =
      configs.resources.find((resource) => resource.resourceName === topic.name)?.configEntries ??
      [];
    const config = (name: string) =>
      entries.find((entry) => entry.configName === name)?.configValue;
    const retention = config('retention.ms');
    states.set(topic.name, {
      partitions: topic.partitions.length,
      retentionMs: retention === undefined ? undefined : Number(retention),
      cleanupPolicy: config('cleanup.policy'),
    });
  }
  return states;
}
