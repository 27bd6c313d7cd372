import { describe, expect, it } from 'vitest';
import { createTestTopic, eventually, testKafka } from '@hub/test-support';
import { groupOf } from '../src/index.js';
import {
  committedOffsets,
  publish,
  startEngine,
  testEventType,
  uniqueService,
  type TestEvent,
} from './fixtures.js';

describe('graceful shutdown', () => {
  it('lets the running handler finish and commits it, and starts nothing new', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'shutdown');
    const service = uniqueService('shutdown');
    const handled: number[] = [];
    let inHandler = false;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const engine = await startEngine(kafka, service, [
      {
        name: 'record',
        topic,
        type: testEventType,
        async handle(event: TestEvent) {
          inHandler = true;
          if (event.seq === 1) await released;
          handled.push(event.seq);
        },
      },
    ]);
    // One key: event 2 waits behind event 1, which is in its handler when the stop begins.
    await publish(kafka, topic, [
      { applicationId: 'app-1', seq: 1 },
      { applicationId: 'app-1', seq: 2 },
    ]);
    await eventually(() => (inHandler ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the first event to be in its handler',
    });

    const stopped = engine.stop(20_000);
    release();
    await stopped;

    expect(handled).toEqual([1]);
    expect((await committedOffsets(kafka, groupOf(service, 'record'), topic))[0]).toBe('1');
  });
});
