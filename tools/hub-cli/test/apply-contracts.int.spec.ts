import { describe, expect, inject, it } from 'vitest';
import { schemaType, topicCatalogue, valueSubject } from '@hub/contracts';
import { registeredSchema } from '@hub/avro-serde';
import { kafkaAdmin } from '@hub/platform';
import { applyContracts } from '../src/apply-contracts.js';
import { readTopicStates } from '../src/topics/cluster-topics.js';
import { driftOf } from '../src/topics/topic-drift.js';

/** What `npm start` and the test harness do before any service runs. */
describe('applyContracts against the real broker and registry', () => {
  it('leaves every catalogue topic as configured and every subject BACKWARD_TRANSITIVE with the file text', async () => {
    const endpoints = inject('platform');
    await applyContracts(endpoints);

    const catalogue = topicCatalogue();
    const admin = kafkaAdmin(endpoints.KAFKA_BROKERS);
    await admin.connect();
    try {
      const states = await readTopicStates(
        admin,
        catalogue.map((spec) => spec.name),
      );
      for (const spec of catalogue)
        expect(driftOf(spec, states.get(spec.name) ?? {}).differences, spec.name).toEqual([]);
    } finally {
      await admin.disconnect();
    }

    for (const spec of catalogue) {
      const subject = valueSubject(spec.name);
      const config = (await (
        await fetch(`${endpoints.SCHEMA_REGISTRY_URL}/config/${encodeURIComponent(subject)}`)
      ).json()) as { compatibilityLevel?: string; compatibility?: string };
      expect(config.compatibilityLevel ?? config.compatibility, subject).toBe(
        'BACKWARD_TRANSITIVE',
      );
      const latest = (await (
        await fetch(
          `${endpoints.SCHEMA_REGISTRY_URL}/subjects/${encodeURIComponent(subject)}/versions/latest`,
        )
      ).json()) as { schema: string };
      expect(JSON.parse(latest.schema), subject).toEqual(
        JSON.parse(registeredSchema(schemaType(spec.valueSchema))),
      );
    }
  });
});
