import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, type SchemaName, type SchemaValues } from '@hub/contracts';
import {
  collectFrom,
  createTestTopic,
  eventually,
  platform,
  testKafka,
  testProducer,
} from '@hub/test-support';
import { deadLetterHeaders, deadLetterTopic } from '../src/index.js';

/** What the two contract tests need to know of one `@KitEvent` handler. */
export interface HandlerUnderTest<S extends SchemaName> {
  /** The catalogue spec the handler consumes (`topics.citizenStatusChanged`). */
  readonly topic: { readonly name: string; readonly valueSchema: S };
  /** The handler's name: its consumer group is `<service>.<handler>`. */
  readonly handler: string;
  /**
   * Starts the service under test as `service` (a unique SERVICE_NAME, so no other suite shares
   * its group), reading the catalogue topic under the test topic's name (`topics`).
   */
  readonly start: (run: {
    readonly service: string;
    readonly topics: Readonly<Record<string, string>>;
  }) => Promise<{ stop(): Promise<void> }>;
  /** A valid event with this record key (a UUID: the application id), new on every call. */
  readonly event: (key: string) => SchemaValues[S];
  /** How many effects the events with this key had, read where they land (a table, a stub system). */
  readonly effectsOf: (key: string) => Promise<number>;
}

const waitLong = { timeoutMs: 45_000 };

async function givenTheHandlerRunning<S extends SchemaName>(subject: HandlerUnderTest<S>) {
  const kafka = testKafka();
  const topic = await createTestTopic(kafka, subject.handler);
  const service = `contract-${randomUUID().slice(0, 8)}`;
  const group = `${service}.${subject.handler}`;
  const dlq = deadLetterTopic(group);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: dlq, numPartitions: 1, replicationFactor: 1 }] });
  onTestFinished(async () => {
    await admin.deleteTopics({ topics: [dlq] }).catch(() => undefined);
    await admin.disconnect();
  });
  const running = await subject.start({ service, topics: { [subject.topic.name]: topic } });
  onTestFinished(() => running.stop());
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const type = schemaType(subject.topic.valueSchema);
  const producer = await testProducer(kafka);
  let sent = 0;
  const send = async (key: string, value: Buffer, eventId: string = randomUUID()) => {
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key, value, headers: { 'event-id': eventId } }],
    });
    sent += 1;
  };
  const deliver = async (key: string, value: SchemaValues[S], eventId?: string) => {
    await send(key, await serde.encode(`${topic}-value`, type, value), eventId);
  };
  /** The group commits a record only once it is handled (or dead-lettered). */
  const afterAllHandled = () =>
    eventually(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        return Number(offsets?.partitions[0]?.offset ?? -1) >= sent ? true : undefined;
      },
      { ...waitLong, what: `${group} to commit all ${String(sent)} records` },
    );
  return { kafka, dlq, send, deliver, afterAllHandled };
}

/**
 * The two tests every handler must pass (docs/architecture.md, "Every handler"): delivered twice,
 * one effect; a poison record goes to the handler's dead-letter topic with its reason and raw
 * bytes, and the event behind it with the same key still has its effect.
 */
export function describeHandlerContract<S extends SchemaName>(subject: HandlerUnderTest<S>): void {
  describe(`the ${subject.handler} handler's contract`, () => {
    it('has one effect when the same event is delivered twice', async () => {
      const { deliver, afterAllHandled } = await givenTheHandlerRunning(subject);
      const key = randomUUID();
      const event = subject.event(key);
      const eventId = randomUUID();

      await deliver(key, event, eventId);
      await deliver(key, event, eventId);
      await afterAllHandled();

      expect(await subject.effectsOf(key)).toBe(1);
    });

    it('dead-letters a poison record with its reason and bytes; its neighbour has its effect', async () => {
      const { kafka, dlq, send, deliver, afterAllHandled } = await givenTheHandlerRunning(subject);
      const { received } = await collectFrom(kafka, dlq);
      const key = randomUUID();
      const neighbour = subject.event(key);
      const poison = Buffer.from(`not an Avro record ${randomUUID()}`);

      await send(key, poison);
      await deliver(key, neighbour);

      const [letter] = await eventually(() => (received.length > 0 ? received : undefined), {
        ...waitLong,
        what: `the poison record in ${dlq}`,
      });
      expect(letter?.message.value).toEqual(poison);
      expect(String(letter?.message.headers?.[deadLetterHeaders.errorCode])).not.toBe('');
      expect(String(letter?.message.headers?.[deadLetterHeaders.errorMessage])).not.toBe('');
      await afterAllHandled();
      expect(await subject.effectsOf(key)).toBe(1);
      expect(received).toHaveLength(1);
    });
  });
}
