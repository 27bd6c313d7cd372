import { setTimeout as wait } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deadLetterTopic, groupOf } from '../src/index.js';
import {
  committedOffsets,
  publish,
  startEngine,
  testEventType,
  uniqueService,
  type TestEvent,
} from './fixtures.js';
import {
  collectFrom,
  createTestTopic,
  eventually,
  testKafka,
  testProducer,
} from '@hub/test-support';

describe('delivery', () => {
  it('handles events of one key strictly in order while keys and partitions run side by side, and commits them all', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'ordering', { partitions: 3 });
    const service = uniqueService('ordering');
    const keys = Array.from({ length: 6 }, (_, index) => `app-${index}`);
    const perKey = 15;
    const seen = new Map<string, number[]>();
    let running = 0;
    let mostAtOnce = 0;

    await startEngine(kafka, service, [
      {
        name: 'record',
        topic,
        type: testEventType,
        async handle(event: TestEvent) {
          mostAtOnce = Math.max(mostAtOnce, ++running);
          await wait(Math.random() * 20);
          seen.set(event.applicationId, [...(seen.get(event.applicationId) ?? []), event.seq]);
          running--;
        },
      },
    ]);
    const events = Array.from({ length: perKey }, (_, seq) =>
      keys.map((applicationId) => ({ applicationId, seq: seq + 1 })),
    ).flat();
    await publish(kafka, topic, events);

    await eventually(
      () => ([...seen.values()].flat().length === events.length ? true : undefined),
      { timeoutMs: 30_000, what: 'all events to be handled' },
    );
    const inOrder = Array.from({ length: perKey }, (_, seq) => seq + 1);
    for (const key of keys) expect(seen.get(key)).toEqual(inOrder);
    expect(mostAtOnce).toBeGreaterThan(1);
    await eventually(
      async () => {
        const offsets = await committedOffsets(kafka, groupOf(service, 'record'), topic);
        const total = Object.values(offsets).reduce((sum, offset) => sum + Number(offset), 0);
        return total === events.length ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'every partition committed to its end' },
    );
  });

  it('dead-letters an undecodable record at once, keeping its raw bytes', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'undecodable');
    const service = uniqueService('undecodable');
    let calls = 0;
    await startEngine(kafka, service, [
      {
        name: 'record',
        topic,
        type: testEventType,
        handle() {
          calls++;
          return Promise.resolve();
        },
      },
    ]);
    const { received } = await collectFrom(kafka, deadLetterTopic(groupOf(service, 'record')));
    const garbage = Buffer.from('{"not":"avro"}');
    const producer = await testProducer(kafka);
    await producer.send({ topic, messages: [{ key: 'app-9', value: garbage }] });
    await publish(kafka, topic, [{ applicationId: 'app-9', seq: 2 }]);

    const [letter] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the dead letter',
    });
    expect(letter?.message.value).toEqual(garbage);
    expect(String(letter?.message.headers?.['dlq-error-code'])).toBe('SERDE_UNKNOWN_MAGIC_BYTE');
    expect(String(letter?.message.headers?.['dlq-attempts'])).toBe('1');
    await eventually(() => (calls === 1 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the decodable event after it to be handled',
    });
  });
});
