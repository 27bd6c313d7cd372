import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { examples, schemas } from '@hub/contracts';
import { AvroSerde } from './avro-serde.js';
import type { SchemaRegistryClient } from './schema-registry-client.js';
import { unframe } from './wire-format.js';

/** An in-memory registry: ids in registration order, like a fresh registry. */
function fakeRegistry(): Pick<SchemaRegistryClient, 'register' | 'schemaById'> {
  const schemasById: string[] = [];
  return {
    register: (_subject, schema) => {
      const known = schemasById.indexOf(schema);
      return Promise.resolve(known >= 0 ? known + 1 : schemasById.push(schema));
    },
    schemaById: (id) => Promise.resolve(schemasById[id - 1]),
  };
}

const application = examples['portal/application-submitted'];

describe('AvroSerde with the contracts', () => {
  it('writes bytes that a plain Avro reader (no logical types) reads per the Avro spec', async () => {
    const registry = fakeRegistry();
    const bytes = await new AvroSerde(registry).encode(
      's-value',
      schemas.applicationSubmitted,
      application,
    );

    const { schemaId, avroPayload } = unframe(bytes);
    const registered = (await registry.schemaById(schemaId)) ?? '';
    const plain = avro.Type.forSchema(JSON.parse(registered) as avro.Schema).fromBuffer(
      avroPayload,
    ) as Record<string, unknown>;

    expect(plain.submittedAt).toBe(Date.parse('2025-03-03T09:15:00.000Z'));
    expect(plain.applicationId).toBe(application.applicationId);
    // 125.00 at scale 2 is the unscaled 12500 = 0x30d4, two's-complement big-endian.
    expect(plain.fee).toEqual({ amount: Buffer.from([0x30, 0xd4]), currency: 'EUR' });
    expect((plain.applicant as Record<string, unknown>).birthDate).toBe(3772); // days since 1970
  });

  it('registers the schema with its logical types, defaults and docs', async () => {
    const registry = fakeRegistry();
    const bytes = await new AvroSerde(registry).encode(
      's-value',
      schemas.applicationSubmitted,
      application,
    );
    const registered = JSON.parse(
      (await registry.schemaById(unframe(bytes).schemaId)) ?? '',
    ) as unknown;
    const text = JSON.stringify(registered);
    expect(text).toContain('"logicalType":"decimal","precision":12,"scale":2');
    expect(text).toContain('"logicalType":"timestamp-millis"');
    expect(text).toContain('"default":"DE"');
    expect(text).toContain('"doc":"The LeiKa service key');
  });

  it('decodes into Date and decimal strings, the shape of the generated types', async () => {
    const serde = new AvroSerde(fakeRegistry());
    const bytes = await serde.encode('s-value', schemas.applicationSubmitted, application);
    const { value } = await serde.decode<typeof application>(bytes, schemas.applicationSubmitted);
    expect(value.submittedAt).toBeInstanceOf(Date);
    expect(value.fee?.amount).toBe('125.00');
    expect(value).toEqual(application);
  });

  it('names the field path of a value that breaks the schema', async () => {
    const serde = new AvroSerde(fakeRegistry());
    const badFee = { ...application, fee: { amount: '12.345', currency: 'EUR' } };
    await expect(
      serde.encode('s-value', schemas.applicationSubmitted, badFee),
    ).rejects.toMatchObject({
      code: 'SERDE_INVALID_VALUE',
      path: 'fee.amount',
    });
  });

  it('says so when the schema id is unknown to the registry', async () => {
    const serde = new AvroSerde(fakeRegistry());
    const bytes = Buffer.from([0, 0, 0, 0, 42, 2]);
    await expect(serde.decode(bytes, schemas.applicationSubmitted)).rejects.toMatchObject({
      code: 'SERDE_UNKNOWN_SCHEMA_ID',
      retryable: false,
    });
  });

  it('recognises a truncated payload', async () => {
    const serde = new AvroSerde(fakeRegistry());
    const bytes = await serde.encode('s-value', schemas.applicationSubmitted, application);
    await expect(
      serde.decode(bytes.subarray(0, bytes.length - 10), schemas.applicationSubmitted),
    ).rejects.toMatchObject({ code: 'SERDE_TRUNCATED' });
  });
});
