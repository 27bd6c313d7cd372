import type { Message, PartitionMetadata, ProducerBatch, RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { PartitionLog } from './partition-log.js';
import { SendBatches } from './send-batches.js';

/** Three partitions, as kafkajs' partitioner sees a topic's metadata. */
const partitionMetadata = [0, 1, 2].map(
  (partitionId) => ({ partitionId, leader: partitionId }) as PartitionMetadata,
);

interface HeldRequest {
  readonly batch: ProducerBatch;
  /** Acknowledges every partition the request carried but `leaveOut`, as kafkajs would answer. */
  ack(leaveOut?: number): void;
  fail(error: Error): void;
}

/**
 * A producer whose requests are acknowledged (or refused) when the test says so. Like kafkajs, it
 * asks the partitioner for each record's partition and answers with one entry per partition.
 */
function heldProducer(partitions: PartitionLog) {
  const partitionOf = partitions.createPartitioner();
  const requests: HeldRequest[] = [];
  const producer = {
    sendBatch: (batch: ProducerBatch) =>
      new Promise<RecordMetadata[]>((resolve, reject) => {
        const written = new Map<string, RecordMetadata>();
        for (const { topic, messages } of batch.topicMessages ?? []) {
          for (const message of messages) {
            const partition = partitionOf({ topic, partitionMetadata, message });
            const entry = { topicName: topic, partition, errorCode: 0 };
            written.set(`${topic}:${partition}`, entry);
          }
        }
        requests.push({
          batch,
          ack: (leaveOut) => {
            resolve([...written.values()].filter((entry) => entry.partition !== leaveOut));
          },
          fail: reject,
        });
      }),
  };
  return { producer, requests };
}

function sendBatchesOnHeldProducer() {
  const partitions = new PartitionLog();
  const { producer, requests } = heldProducer(partitions);
  const leftOut: number[] = [];
  const batches = new SendBatches(producer, partitions, (records) => leftOut.push(records));
  return { partitions, requests, batches, leftOut };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const keys = (batch: ProducerBatch) =>
  (batch.topicMessages ?? []).map(({ topic, messages }) => [
    topic,
    messages.map((message) => String(message.key)),
  ]);
const record = (key: string): Message => ({ key, value: 'x' });

describe('SendBatches', () => {
  it('sends a lone record at once, and what queued meanwhile in one request, in order', async () => {
    const { requests, batches } = sendBatchesOnHeldProducer();

    const first = batches.send('a', record('1'));
    await settle();
    const queued = [
      batches.send('a', record('2')),
      batches.send('b', record('3')),
      batches.send('a', record('4')),
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
    const { requests, batches } = sendBatchesOnHeldProducer();

    const refused = batches.send('a', record('1'));
    await settle();
    const later = batches.send('a', record('2'));
    requests[0]?.fail(new Error('not enough replicas'));

    await expect(refused).rejects.toThrow('not enough replicas');
    await settle();
    requests[1]?.ack();
    await expect(later).resolves.toBeUndefined();
  });

  it('sends again, before anything newer, the records of a partition the acknowledgement lacks', async () => {
    const { partitions, requests, batches, leftOut } = sendBatchesOnHeldProducer();
    // A first record in flight, so that the next six queue up and go out in one request.
    const first = batches.send('a', record('k0'));
    await settle();
    const sent = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((key) => ({ key, message: record(key) }));
    const outcomes = sent.map(({ message }) => settled(batches.send('a', message)));
    requests[0]?.ack();
    await first;
    await settle();
    // kafkajs acknowledged the request, but the records for one partition were never written.
    const lostPartition = partitions.partitionOf(sent[0]?.message as Message);
    const lost = sent.filter(({ message }) => partitions.partitionOf(message) === lostPartition);
    const kept = sent.filter(({ message }) => partitions.partitionOf(message) !== lostPartition);
    expect(kept.length).toBeGreaterThan(0);
    const newer = settled(batches.send('a', record('k7')));

    requests[1]?.ack(lostPartition);
    await settle();

    const stateOf = (key: string) =>
      outcomes[sent.findIndex((entry) => entry.key === key)]?.state();
    expect(kept.map(({ key }) => stateOf(key))).toEqual(kept.map(() => 'resolved'));
    expect(lost.map(({ key }) => stateOf(key))).toEqual(lost.map(() => 'pending'));
    expect(requests).toHaveLength(3);
    expect(keys(requests[2]?.batch as ProducerBatch)).toEqual([['a', lost.map(({ key }) => key)]]);
    expect(newer.state()).toBe('pending');
    expect(leftOut).toEqual([lost.length]);

    requests[2]?.ack();
    await settle();
    expect(outcomes.map((outcome) => outcome.state())).toEqual(sent.map(() => 'resolved'));
    expect(keys(requests[3]?.batch as ProducerBatch)).toEqual([['a', ['k7']]]);
  });

  it('fails, retryably, records the acknowledgements keep leaving out', async () => {
    const { partitions, requests, batches } = sendBatchesOnHeldProducer();
    const message = record('k1');
    const failure = batches.send('a', message).catch((error: unknown) => error);
    await settle();

    for (let round = 0; round < 5; round++) {
      requests[round]?.ack(partitions.partitionOf(message));
      await settle();
    }

    expect(await failure).toMatchObject({
      code: 'KAFKA_RECORDS_NOT_ACKNOWLEDGED',
      retryable: true,
    });
    expect(requests).toHaveLength(5);
  });
});

/** A promise whose state can be read synchronously after the event loop has settled. */
function settled(promise: Promise<void>) {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  return { state: () => state };
}
