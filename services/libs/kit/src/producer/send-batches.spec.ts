import type { ProducerBatch } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { SendBatches } from './send-batches.js';

/** A producer whose requests are acknowledged (or refused) when the test says so. */
function heldProducer() {
  const requests: { batch: ProducerBatch; ack(): void; fail(error: Error): void }[] = [];
  const producer = {
    sendBatch: (batch: ProducerBatch) =>
      new Promise<never[]>((resolve, reject) => {
        requests.push({
          batch,
          ack: () => {
            resolve([]);
          },
          fail: reject,
        });
      }),
  };
  return { producer, requests };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const keys = (batch: ProducerBatch) =>
  (batch.topicMessages ?? []).map(({ topic, messages }) => [
    topic,
    messages.map((message) => String(message.key)),
  ]);

describe('SendBatches', () => {
  it('sends a lone record at once, and what queued meanwhile in one request, in order', async () => {
    const { producer, requests } = heldProducer();
    const batches = new SendBatches(producer);

    const first = batches.send('a', { key: '1', value: 'x' });
    await settle();
    const queued = [
      batches.send('a', { key: '2', value: 'x' }),
      batches.send('b', { key: '3', value: 'x' }),
      batches.send('a', { key: '4', value: 'x' }),
    ];
    await settle();

    expect(requests).toHaveLength(1);
    requests[0]?.ack();
    await first;
    await settle();
    expect(requests).toHaveLength(2);
    expect(keys(requests[1]?.batch as ProducerBatch)).toEqual([
      ['a', ['2', '4']],
      ['b', ['3']],
    ]);
    expect(requests[1]?.batch.acks).toBe(-1);
    requests[1]?.ack();
    await Promise.all(queued);
  });

  it('fails every record of a refused request, and sends the next ones anyway', async () => {
    const { producer, requests } = heldProducer();
    const batches = new SendBatches(producer);

    const refused = batches.send('a', { key: '1', value: 'x' });
    await settle();
    const later = batches.send('a', { key: '2', value: 'x' });
    requests[0]?.fail(new Error('not enough replicas'));

    await expect(refused).rejects.toThrow('not enough replicas');
    await settle();
    requests[1]?.ack();
    await expect(later).resolves.toBeUndefined();
  });
});
