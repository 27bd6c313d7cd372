import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLayout, down, stopPart, up, type StackLayout } from '@hub/platform';
import {
  collectFrom,
  createTestTopic,
  eventually,
  testKafka,
  testProducer,
} from '../support/index.js';

/**
 * The fault-test cluster of `npm run platform -- up --nodes 3`, in its own home and on its own
 * ports so it never disturbs the shared single-node platform of this run.
 */
const layout: StackLayout = {
  ...defaultLayout(3),
  home: mkdtempSync(join(tmpdir(), 'hub-3-nodes-')),
  kafkaBasePort: 29092,
};

describe('a three-node cluster (replication factor 3, min.insync.replicas=2)', () => {
  let brokers = '';
  beforeAll(async () => {
    brokers = (await up(layout, { kafkaOnly: true })).KAFKA_BROKERS;
  });
  afterAll(async () => {
    await down(layout);
  });

  it('keeps accepting acks=all writes and serving reads while one node is stopped', async () => {
    const kafka = testKafka(brokers);
    const topic = await createTestTopic(kafka, 'three-nodes', {
      partitions: 3,
      replicationFactor: 3,
    });
    const producer = await testProducer(kafka);
    const send = (from: number) =>
      producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: 30 }, (_, i) => ({
          key: `app-${from + i}`,
          value: String(from + i),
        })),
      });
    await send(0);

    expect(await stopPart(layout, 'kafka-2')).toBe(true);
    await send(30);

    const { received } = await collectFrom(kafka, topic);
    const values = await eventually(
      () =>
        received.length >= 60
          ? received.map((r) => Number(r.message.value?.toString()))
          : undefined,
      {
        timeoutMs: 60_000,
        what: '60 records from the two remaining nodes',
      },
    );
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });
});
