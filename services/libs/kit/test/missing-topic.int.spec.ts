import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DeliveryEngine } from '../src/index.js';
import { testEventType, testSerde, uniqueService } from './fixtures.js';
import { testKafka } from '@hub/test-support';

describe('a handler on a topic the cluster lacks', () => {
  it('refuses to start, naming the topic and what to do', async () => {
    const topic = `no-such-topic-${randomUUID().slice(0, 8)}`;
    const engine = new DeliveryEngine({
      service: uniqueService('missing-topic'),
      kafka: testKafka(),
      serde: testSerde(),
    });
    engine.register({
      name: 'reader',
      topic,
      type: testEventType,
      handle: () => Promise.resolve(),
    });
    onTestFinished(() => engine.stop(1_000).catch(() => undefined));

    const refused = (await engine.start().then(
      () => undefined,
      (error: unknown) => error,
    )) as { code?: string; message?: string } | undefined;

    expect(refused?.code).toBe('KAFKA_TOPIC_MISSING');
    expect(refused?.message).toContain(`no topic ${topic}`);
    expect(refused?.message).toContain('npm run hub -- contracts apply');
  });
});
