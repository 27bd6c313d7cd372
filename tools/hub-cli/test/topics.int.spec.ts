import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { eventTopics, topicCatalogue, type TopicSpec } from '@hub/contracts';
import { eventually, kafkaAdmin } from '@hub/platform';
import { applyTopics } from '../src/topics/apply-topics.js';
import { readTopicStates } from '../src/topics/cluster-topics.js';
import { applyReport } from '../src/topics/topic-report.js';

/** Two event topics of the real catalogue (and their DLQs) under a prefix no other test uses. */
function testCatalogue(
  change: Partial<TopicSpec> = {},
  prefix = `test-${randomUUID().slice(0, 8)}`,
) {
  const events = eventTopics.slice(0, 2).map((topic) => ({
    ...topic,
    ...change,
    name: `${prefix}.${topic.name}`,
    partitions: change.partitions ?? 2,
    consumers: topic.consumers.map((group) => `${prefix}.${group}`),
  }));
  // The pollers' dead-letter topics (e.g. dlq.xbau-connector.replies) are not the events' to
  // prefix; they are the real ones, which other suites create.
  return {
    prefix,
    catalogue: topicCatalogue(events).filter((spec) => spec.name.includes(prefix)),
  };
}

async function connectedAdmin() {
  const admin = kafkaAdmin(inject('platform').KAFKA_BROKERS);
  await admin.connect();
  onTestFinished(() => admin.disconnect());
  return admin;
}

function deleteAfterTest(
  admin: Awaited<ReturnType<typeof connectedAdmin>>,
  catalogue: readonly TopicSpec[],
) {
  onTestFinished(async () => {
    await admin.deleteTopics({ topics: catalogue.map((spec) => spec.name) }).catch(() => undefined);
  });
}

describe('topics apply against the real broker', () => {
  it('creates the catalogue’s topics with their partitions and configs, and is idempotent', async () => {
    const admin = await connectedAdmin();
    const { catalogue } = testCatalogue();
    deleteAfterTest(admin, catalogue);

    const first = applyReport(await applyTopics(admin, catalogue));
    // Two event topics, their consumers' dead-letter topics and that of the case router's watcher.
    expect(first).toHaveLength(catalogue.length);
    expect(catalogue.length).toBeGreaterThanOrEqual(4);
    expect(first.every((line) => line.startsWith('created'))).toBe(true);

    const states = await readTopicStates(
      admin,
      catalogue.map((spec) => spec.name),
    );
    for (const spec of catalogue)
      expect(states.get(spec.name)).toEqual({
        partitions: spec.partitions,
        retentionMs: spec.retentionMs,
        cleanupPolicy: spec.cleanupPolicy,
      });

    const second = applyReport(await applyTopics(admin, catalogue));
    expect(second.every((line) => line.startsWith('ok'))).toBe(true);
  });

  it('reports drift and fixes what Kafka allows: more partitions, retention; never fewer partitions', async () => {
    const admin = await connectedAdmin();
    const { prefix, catalogue } = testCatalogue();
    deleteAfterTest(admin, catalogue);
    await applyTopics(admin, catalogue);
    const [event] = catalogue;
    if (!event) throw new Error('the test catalogue is empty');
    // Someone changed the topic by hand.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: event.name,
          configEntries: [
            { name: 'retention.ms', value: '60000' },
            { name: 'cleanup.policy', value: 'delete' },
          ],
        },
      ],
    });

    await eventually(
      async () =>
        (await readTopicStates(admin, [event.name])).get(event.name)?.retentionMs === 60_000 ||
        undefined,
      { timeoutMs: 30_000, what: `the hand-made retention on ${event.name}` },
    );
    const grown = testCatalogue({ partitions: 4 }, prefix).catalogue;
    const report = applyReport(await applyTopics(admin, grown));
    expect(report[0]).toBe(
      `fixed    ${event.name}: partitions 2 → 4; retention.ms 60000 → ${event.retentionMs}`,
    );
    // Kafka applies both asynchronously; wait until the broker's metadata shows them.
    const fixed = await eventually(
      async () => {
        const state = (await readTopicStates(admin, [event.name])).get(event.name);
        return state?.partitions === 4 && state.retentionMs === event.retentionMs
          ? state
          : undefined;
      },
      { timeoutMs: 30_000, what: `4 partitions and the catalogue retention on ${event.name}` },
    );
    expect(fixed.cleanupPolicy).toBe('delete');

    const shrunk = testCatalogue({ partitions: 3 }, prefix).catalogue;
    const refused = applyReport(await applyTopics(admin, shrunk));
    expect(refused[0]).toContain(`DRIFT    ${event.name}: partitions 4 > 3`);
    expect((await readTopicStates(admin, [event.name])).get(event.name)?.partitions).toBe(4);
  });
});
