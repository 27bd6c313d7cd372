import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { eventTopics, schemaType, topicCatalogue, valueSubject } from '@hub/contracts';
import { registeredSchema, SchemaRegistryClient } from '@hub/avro-serde';
import { registerContracts } from '../src/contracts/register-contracts.js';

describe('contracts register against the real registry', () => {
  it('registers every value schema under <topic>-value at BACKWARD_TRANSITIVE, idempotently', async () => {
    const url = inject('platform').SCHEMA_REGISTRY_URL;
    const prefix = `test-${randomUUID().slice(0, 8)}`;
    const catalogue = topicCatalogue(
      eventTopics.map((topic) => ({
        ...topic,
        name: `${prefix}.${topic.name}`,
        consumers: topic.consumers.map((group) => `${prefix}.${group}`),
      })),
    );

    const first = await registerContracts(new SchemaRegistryClient(url), catalogue);
    const again = await registerContracts(new SchemaRegistryClient(url), catalogue);

    // Dead-letter topics copy their source's bytes and schema ids (ADR 0013): no subject of their own.
    const eventCatalogue = catalogue.filter((topic) => topic.copyOf === undefined);
    expect(eventCatalogue.length).toBeLessThan(catalogue.length);
    expect(first.map((registration) => registration.subject)).toEqual(
      eventCatalogue.map((topic) => valueSubject(topic.name)),
    );
    expect(again).toEqual(first);
    const [submitted] = catalogue;
    const config = (await (
      await fetch(`${url}/config/${encodeURIComponent(valueSubject(submitted?.name ?? ''))}`)
    ).json()) as { compatibilityLevel?: string; compatibility?: string };
    expect(config.compatibilityLevel ?? config.compatibility).toBe('BACKWARD_TRANSITIVE');
    expect(await new SchemaRegistryClient(url).schemaById(first[0]?.schemaId ?? -1)).toBe(
      registeredSchema(schemaType('portal/application-submitted')),
    );
  });
});
