import { randomUUID } from 'node:crypto';
import avro from 'avsc';
import type { Kafka } from 'kafkajs';
import { onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { DeliveryEngine, deadLetterTopic, groupOf, type HandlerDefinition } from '../src/index.js';
import { platform, testProducer } from '@hub/test-support';

export interface TestEvent {
  applicationId: string;
  seq: number;
}

export const testEventType = avro.Type.forSchema({
  type: 'record',
  name: 'KitTestEvent',
  namespace: 'de.hub.test',
  fields: [
    { name: 'applicationId', type: 'string' },
    { name: 'seq', type: 'int' },
  ],
});

export function testSerde(): AvroSerde {
  return new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
}

/** A service name of its own per test, so its groups and dead-letter topics are its own too. */
export function uniqueService(purpose: string): string {
  return `test-${purpose}-${randomUUID().slice(0, 8)}`;
}

/** Starts an engine for `definitions`; stops it and deletes its dead-letter topics afterwards. */
export async function startEngine(
  kafka: Kafka,
  service: string,
  definitions: HandlerDefinition<TestEvent>[],
): Promise<DeliveryEngine> {
  const engine = new DeliveryEngine({ service, kafka, serde: testSerde() });
  for (const definition of definitions) engine.register(definition);
  onTestFinished(async () => {
    await engine.stop(5_000);
    const admin = kafka.admin();
    await admin.connect();
    const topics = definitions.map(({ name }) => deadLetterTopic(groupOf(service, name)));
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });
  await engine.start();
  return engine;
}

/** Publishes test events keyed by application id, in order, with an event id each. */
export async function publish(kafka: Kafka, topic: string, events: TestEvent[]): Promise<void> {
  const producer = await testProducer(kafka);
  const serde = testSerde();
  const messages = await Promise.all(
    events.map(async (event) => ({
      key: event.applicationId,
      value: await serde.encode(`${topic}-value`, testEventType, event),
      headers: { 'event-id': randomUUID() },
    })),
  );
  await producer.send({ topic, acks: -1, messages });
}

/** The committed offset per partition of `group` on `topic`. */
export async function committedOffsets(
  kafka: Kafka,
  group: string,
  topic: string,
): Promise<Record<number, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return Object.fromEntries(
      (offsets?.partitions ?? []).map(({ partition, offset }) => [partition, offset]),
    );
  } finally {
    await admin.disconnect();
  }
}
