import { describe, expect, it } from 'vitest';
import { readSchemaSources, registryTextOf, schemaType } from '@hub/contracts';
import { schemaTextDifferences } from './schema-text-differences.js';

const sources = readSchemaSources();

describe('schemaTextDifferences', () => {
  it.each(sources.map((source) => [source.name]))(
    'finds nothing lost in the registry text of %s',
    (name) => {
      const text = registryTextOf(schemaType(name)) ?? '';
      expect(schemaTextDifferences(name, text, sources)).toEqual([]);
    },
  );

  it('names what avsc’s own export loses: enum defaults, personal-data marks, the namespace form', () => {
    const lostBy = (name: string) =>
      schemaTextDifferences(
        name,
        JSON.stringify(schemaType(name).schema({ exportAttrs: true })),
        sources,
      );
    expect(lostBy('payment/payment-requested')).toEqual(
      expect.arrayContaining([
        'payment/payment-requested.namespace: missing',
        'payment/payment-requested.fields[3].type.fields[1].type.default: missing',
      ]),
    );
    expect(lostBy('portal/application-submitted')).toContainEqual(
      expect.stringMatching(/\.personalData: missing$/),
    );
  });
});
