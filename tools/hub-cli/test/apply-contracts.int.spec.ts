import { describe, expect, inject, it } from 'vitest';
import { readSchemaSources, topicCatalogue, valueSubject } from '@hub/contracts';
import { SchemaRegistryClient } from '@hub/avro-serde';
import { kafkaAdmin } from '@hub/platform';
import { applyContracts } from '../src/apply-contracts.js';
import { schemaTextDifferences } from '../src/contracts/schema-text-differences.js';
import { readTopicStates } from '../src/topics/cluster-topics.js';
import { driftOf } from '../src/topics/topic-drift.js';

/** What `npm start` and the test harness do before any service runs. */
describe('applyContracts against the real broker and registry', () => {
  it('leaves every catalogue topic as configured and every subject BACKWARD_TRANSITIVE with every attribute of its file', async () => {
    const endpoints = inject('platform');
    const { registrations } = await applyContracts(endpoints);

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

    // Dead-letter topics copy their source's records and have no subject of their own (ADR 0013).
    const subjects = catalogue.filter((spec) => spec.copyOf === undefined);
    expect(registrations.map((registration) => registration.subject).sort()).toEqual(
      subjects.map((spec) => valueSubject(spec.name)).sort(),
    );
    const sources = readSchemaSources();
    for (const spec of subjects) {
      const subject = valueSubject(spec.name);
      const config = (await (
        await fetch(`${endpoints.SCHEMA_REGISTRY_URL}/config/${encodeURIComponent(subject)}`)
      ).json()) as { compatibilityLevel?: string; compatibility?: string };
      expect(config.compatibilityLevel ?? config.compatibility, subject).toBe(
        'BACKWARD_TRANSITIVE',
      );
      // The version this apply registered (other writers may have added later versions meanwhile).
      const schemaId = registrations.find(
        (registration) => registration.subject === subject,
      )?.schemaId;
      const registered = await new SchemaRegistryClient(endpoints.SCHEMA_REGISTRY_URL).schemaById(
        schemaId ?? -1,
      );
      // The registry's own text, compared with the .avsc file as written, not with what we sent.
      expect(
        schemaTextDifferences(spec.valueSchema, registered ?? 'null', sources),
        subject,
      ).toEqual([]);
    }
  });
});
