import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  collectFrom,
  createTestTopic,
  eventually,
  platform,
  testKafka,
  testProducer,
} from '../support/index.js';

const greeting = avro.Type.forSchema({
  type: 'record',
  name: 'PlatformCheck',
  namespace: 'de.hub.test',
  fields: [
    { name: 'applicationId', type: 'string' },
    { name: 'attempt', type: 'int' },
  ],
});

describe('the local platform', () => {
  it('carries an Avro record registered in the real registry through the real broker', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'avro-roundtrip');
    const registry = new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL);
    const serde = new AvroSerde(registry);
    const { received } = await collectFrom(kafka, topic);

    const producer = await testProducer(kafka);
    const value = await serde.encode(`${topic}-value`, greeting, {
      applicationId: 'app-42',
      attempt: 3,
    });
    await producer.send({ topic, acks: -1, messages: [{ key: 'app-42', value }] });

    const [record] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the record to arrive',
    });
    const bytes = record?.message.value;
    expect(bytes).toBeInstanceOf(Buffer);
    const decoded = await new AvroSerde(
      new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL),
    ).decode(bytes as Buffer, greeting);
    expect(decoded.value).toEqual({ applicationId: 'app-42', attempt: 3 });
    expect(await registry.subjects()).toContain(`${topic}-value`);
    expect(await registry.schemaById(decoded.writerSchemaId)).toContain('PlatformCheck');
  });
});
