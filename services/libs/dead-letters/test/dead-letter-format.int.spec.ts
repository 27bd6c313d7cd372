import { randomUUID } from 'node:crypto';
import avro from 'avsc';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { HubError } from '@hub/errors';
import { DeliveryEngine, deadLetterTopic, groupOf } from '@hub/kit';
import {
  collectFrom,
  createTestTopic,
  eventually,
  platform,
  testKafka,
  testProducer,
} from '@hub/test-support';
import { contextOf, readDeadLetters } from '../src/index.js';

const submittedType = avro.Type.forSchema({
  type: 'record',
  name: 'DeadLetterFormatTestEvent',
  namespace: 'de.hub.test',
  fields: [{ name: 'applicationId', type: 'string' }],
});

/**
 * What an outside consumer with a Confluent-style deserializer does: the schema id from the
 * frame, the writer schema from the registry, plain avsc. Nothing of the hub's code.
 */
async function independentRead(value: Buffer): Promise<unknown> {
  expect(value.readUInt8(0)).toBe(0);
  const response = await fetch(
    `${platform().SCHEMA_REGISTRY_URL}/schemas/ids/${value.readInt32BE(1)}`,
  );
  const { schema } = (await response.json()) as { schema: string };
  return avro.Type.forSchema(JSON.parse(schema) as avro.Schema).fromBuffer(value.subarray(5));
}

describe('a dead letter on the real broker (ADR 0013)', () => {
  it('is the record as read, readable by an independent Avro reader, and an undecodable one keeps its bytes', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'dead-letter-format');
    const service = `test-dlq-format-${randomUUID().slice(0, 8)}`;
    const group = groupOf(service, 'refuse');
    const dlq = deadLetterTopic(group);
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const engine = new DeliveryEngine({ service, kafka, serde }).register({
      name: 'refuse',
      topic,
      type: submittedType,
      handle: () =>
        Promise.reject(new HubError('TEST_REFUSED', 'refused for good', { retryable: false })),
    });
    onTestFinished(async () => {
      await engine.stop(5_000);
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [dlq] }).catch(() => undefined);
      await admin.disconnect();
    });
    await engine.start();
    const { received } = await collectFrom(kafka, dlq);

    // given a decodable record the handler refuses, and bytes that are no Avro frame at all
    const decodable = await serde.encode(`${topic}-value`, submittedType, {
      applicationId: 'app-1',
    });
    const garbage = Buffer.from('{"not":"avro"}');
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'app-1', value: decodable, headers: { 'event-id': randomUUID() } },
        { key: 'app-2', value: garbage, headers: { 'event-id': randomUUID() } },
      ],
    });

    // when both are dead-lettered and read back by the dead-letter library
    await eventually(() => (received.length === 2 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'two dead letters',
    });
    const letters = await readDeadLetters(kafka, dlq, service);
    const byKey = (key: string) => letters.find((letter) => letter.key?.toString() === key);

    // then each keeps its bytes, and the context says where from and why
    expect(letters).toHaveLength(2);
    expect(byKey('app-1')?.value).toEqual(decodable);
    expect(byKey('app-2')?.value).toEqual(garbage);
    expect(contextOf(byKey('app-1')?.headers ?? {})).toMatchObject({
      group,
      sourceTopic: topic,
      sourcePartition: 0,
      sourceOffset: '0',
      errorCode: 'TEST_REFUSED',
      attempts: 1,
    });
    expect(contextOf(byKey('app-2')?.headers ?? {})).toMatchObject({
      sourceOffset: '1',
      errorCode: expect.stringMatching(/^SERDE_/) as string,
    });
    // and the decodable one reads with the registry alone, like the source record
    expect(await independentRead(byKey('app-1')?.value ?? Buffer.alloc(0))).toEqual({
      applicationId: 'app-1',
    });
  });
});
