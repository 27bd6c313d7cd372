import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { deadLetterTopic, groupOf } from '../src/index.js';
import {
  committedOffsets,
  publish,
  startEngine,
  testEventType,
  testSerde,
  uniqueService,
  type TestEvent,
} from './fixtures.js';
import { collectFrom, createTestTopic, eventually, testKafka } from '@hub/test-support';

const retry = { maxAttempts: 4, initialDelayMs: 50, maxDelayMs: 200 };
const neighbours = 5;

describe('a poison event', () => {
  it('is dead-lettered after the retry budget with context and raw bytes, while other keys flow and later events of its key wait', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'poison', { partitions: 1 });
    const service = uniqueService('poison');
    const group = groupOf(service, 'record');
    const log: string[] = [];
    let neighboursDone: () => void = () => undefined;
    const allNeighboursDone = new Promise<void>((resolve) => (neighboursDone = resolve));

    await startEngine(kafka, service, [
      {
        name: 'record',
        topic,
        type: testEventType,
        retry,
        async handle(event: TestEvent, context) {
          const label = `${event.applicationId}#${event.seq}`;
          if (label === 'poison#1') {
            log.push(`${label} attempt ${context.attempt}`);
            // The last attempt waits for the neighbours: were they stuck behind it, this test
            // would time out instead of passing.
            if (context.attempt === retry.maxAttempts) await allNeighboursDone;
            throw new TypeError('downstream keeps failing');
          }
          log.push(label);
          if (log.filter((entry) => entry.startsWith('other')).length === neighbours)
            neighboursDone();
        },
      },
    ]);
    const { received: deadLetters } = await collectFrom(kafka, deadLetterTopic(group));

    await publish(kafka, topic, [
      { applicationId: 'poison', seq: 1 },
      { applicationId: 'poison', seq: 2 },
    ]);
    await eventually(() => (log.includes('poison#1 attempt 1') ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the first attempt at the poison event',
    });
    await publish(
      kafka,
      topic,
      Array.from({ length: neighbours }, (_, index) => ({
        applicationId: 'other',
        seq: index + 1,
      })),
    );

    const [letter] = await eventually(() => (deadLetters.length > 0 ? deadLetters : undefined), {
      timeoutMs: 30_000,
      what: 'the dead letter',
    });
    await eventually(() => (log.includes('poison#2') ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the later event of the poison key',
    });

    const attempts = log.filter((entry) => entry.startsWith('poison#1 attempt'));
    expect(attempts).toHaveLength(retry.maxAttempts);
    expect(log.indexOf('poison#2')).toBeGreaterThan(
      log.indexOf(`poison#1 attempt ${retry.maxAttempts}`),
    );
    expect(log.filter((entry) => entry.startsWith('other'))).toHaveLength(neighbours);

    const headers = Object.fromEntries(
      Object.entries(letter?.message.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(headers).toMatchObject({
      'dlq-group': group,
      'dlq-source-topic': topic,
      'dlq-source-partition': '0',
      'dlq-source-offset': '0',
      'dlq-source-key': 'poison',
      'dlq-error-code': 'UNCLASSIFIED_ERROR',
      'dlq-error-message': 'TypeError: downstream keeps failing',
      'dlq-attempts': String(retry.maxAttempts),
    });
    expect(headers['event-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(headers['dlq-last-failure-at'] ?? '')).toBeGreaterThan(
      Date.parse(headers['dlq-first-failure-at'] ?? ''),
    );
    expect(letter?.message.key?.toString()).toBe('poison');
    const original = await testSerde().decode(
      letter?.message.value ?? Buffer.alloc(0),
      testEventType,
    );
    expect(original.value).toEqual({ applicationId: 'poison', seq: 1 });

    await eventually(
      async () => ((await committedOffsets(kafka, group, topic))[0] === '7' ? true : undefined),
      { timeoutMs: 30_000, what: 'the offset after all seven events to be committed' },
    );
  });

  it('goes to the dead-letter topic at once when its error is not retryable', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'fatal');
    const service = uniqueService('fatal');
    let calls = 0;
    await startEngine(kafka, service, [
      {
        name: 'record',
        topic,
        type: testEventType,
        retry,
        handle() {
          calls++;
          return Promise.reject(
            new HubError('XTA_REJECTED', 'message refused', { retryable: false }),
          );
        },
      },
    ]);
    const { received } = await collectFrom(kafka, deadLetterTopic(groupOf(service, 'record')));
    await publish(kafka, topic, [{ applicationId: 'app-1', seq: 1 }]);

    const [letter] = await eventually(() => (received.length > 0 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the dead letter',
    });
    expect(String(letter?.message.headers?.['dlq-error-code'])).toBe('XTA_REJECTED');
    expect(String(letter?.message.headers?.['dlq-attempts'])).toBe('1');
    expect(calls).toBe(1);
  });
});
