import kafkajs, { type Admin } from 'kafkajs';

// kafkajs is CommonJS; Node's ESM loader cannot see this enum as a named export.
const { ConfigResourceTypes } = kafkajs;
import type { TopicSpec } from '@hub/contracts';
import { eventually } from '@hub/platform';
import { readTopicStates } from './cluster-topics.js';
import { configEntries, driftOf, type Drift } from './topic-drift.js';

/**
 * Makes the cluster match the catalogue as far as Kafka allows: creates missing topics, adds
 * partitions, sets retention and cleanup policy. Never deletes a topic or a partition. Returns
 * the drift it found (empty differences = the topic was already right), so running it twice
 * reports nothing the second time.
 */
export async function applyTopics(admin: Admin, catalogue: readonly TopicSpec[]): Promise<Drift[]> {
  const states = await readTopicStates(
    admin,
    catalogue.map((spec) => spec.name),
  );
  const drifts = catalogue.map((spec) => ({
    spec,
    drift: driftOf(spec, states.get(spec.name) ?? {}),
  }));
  const kinds = (kind: string) =>
    drifts.filter(({ drift }) => drift.fixes.some((fix) => fix.kind === kind));

  const toCreate = kinds('create').map(({ spec }) => spec);
  if (toCreate.length > 0) {
    await admin.createTopics({
      waitForLeaders: false,
      topics: toCreate.map((spec) => ({
        topic: spec.name,
        numPartitions: spec.partitions,
        configEntries: configEntries(spec),
      })),
    });
    // Until every broker knows the new topics, a second apply would try to create them again.
    const created = toCreate.map((spec) => spec.name);
    await eventually(
      async () => {
        const now = await readTopicStates(admin, created);
        return [...now.values()].every((state) => state.partitions !== undefined) || undefined;
      },
      { timeoutMs: 30_000, what: `the new topics ${created.join(', ')}` },
    );
  }
  const toGrow = kinds('add-partitions').map(({ spec }) => ({
    topic: spec.name,
    count: spec.partitions,
  }));
  if (toGrow.length > 0) await admin.createPartitions({ topicPartitions: toGrow });
  const toConfigure = kinds('set-configs').map(({ spec }) => spec);
  // alterConfigs replaces a topic's overrides as a whole; the catalogue owns both it sets.
  if (toConfigure.length > 0)
    await admin.alterConfigs({
      validateOnly: false,
      resources: toConfigure.map((spec) => ({
        type: ConfigResourceTypes.TOPIC,
        name: spec.name,
        configEntries: configEntries(spec),
      })),
    });
  return drifts.map(({ drift }) => drift);
}
