import avro from 'avsc';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { examples, parseOptions, readSchemaSources, schemas, schemaType } from '@hub/contracts';
import { AvroSerde, registeredSchema, SchemaRegistryClient } from '../src/index.js';

// The shared platform of the integration run (test/support/global-setup.ts); test-support itself
// cannot be imported here, it depends on this library.
const registry = () => new SchemaRegistryClient(inject('platform').SCHEMA_REGISTRY_URL);
const uniqueSubject = (purpose: string) => `test.${purpose}.${randomUUID().slice(0, 8)}-value`;

describe('every contract through the real schema registry', () => {
  it.each(readSchemaSources().map((source) => source.name))(
    '%s survives encode → registry → decode in a fresh process',
    async (name) => {
      const subject = uniqueSubject(name.replace('/', '.'));
      const value = examples[name as keyof typeof examples];
      const bytes = await new AvroSerde(registry()).encode(subject, schemaType(name), value);

      // A new client has no cache: the writer schema really comes back from the registry.
      const decoded = await new AvroSerde(registry()).decode(bytes, schemaType(name));
      expect(decoded.value).toEqual(value);
      expect(await registry().schemaById(decoded.writerSchemaId)).toBe(
        registeredSchema(schemaType(name)),
      );
    },
  );
});

/** The application schema with one more field, added the compatible way (with a default). */
function withLanguage(): avro.Type {
  const schema = schemas.applicationSubmitted.schema({ exportAttrs: true }) as {
    fields: object[];
  };
  const language = {
    name: 'preferredLanguage',
    type: {
      type: 'enum',
      name: 'PreferredLanguage',
      symbols: ['DE', 'EN', 'OTHER'],
      default: 'OTHER',
    },
    doc: 'The language the citizen wants notices in.',
    default: 'DE',
  };
  return avro.Type.forSchema(
    { ...schema, fields: [...schema.fields, language] } as avro.Schema,
    parseOptions(),
  );
}

describe('schema resolution through the registry', () => {
  const application = examples['portal/application-submitted'];

  it('reads an old writer through a new reader, filling the added field from its default', async () => {
    const subject = uniqueSubject('resolution-old-new');
    const client = registry();
    await client.register(subject, registeredSchema(schemas.applicationSubmitted));
    await client.setCompatibility(subject, 'BACKWARD_TRANSITIVE');
    const bytes = await new AvroSerde(client).encode(
      subject,
      schemas.applicationSubmitted,
      application,
    );

    const { value } = await new AvroSerde(registry()).decode(bytes, withLanguage());
    expect(value).toEqual({ ...application, preferredLanguage: 'DE' });
  });

  it('reads a new writer through an old reader, which ignores the field it does not know', async () => {
    const subject = uniqueSubject('resolution-new-old');
    const client = registry();
    await client.register(subject, registeredSchema(schemas.applicationSubmitted));
    await client.setCompatibility(subject, 'BACKWARD_TRANSITIVE');
    // The registry accepts the new version: it is backward compatible.
    const bytes = await new AvroSerde(client).encode(subject, withLanguage(), {
      ...application,
      preferredLanguage: 'EN',
    });

    const { value, writerSchemaId } = await new AvroSerde(registry()).decode(
      bytes,
      schemas.applicationSubmitted,
    );
    expect(value).toEqual(application);
    expect(await registry().schemaById(writerSchemaId)).toContain('PreferredLanguage');
  });

  it('names the schema id a registry does not know', async () => {
    const bytes = Buffer.from([0, 0x7f, 0xff, 0xff, 0xf0, 0x02]);
    await expect(
      new AvroSerde(registry()).decode(bytes, schemas.applicationSubmitted),
    ).rejects.toMatchObject({ code: 'SERDE_UNKNOWN_SCHEMA_ID', message: /2147483632/ });
  });
});
