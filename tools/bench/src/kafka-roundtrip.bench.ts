import { randomUUID } from 'node:crypto';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { eventually } from '@hub/platform';
import { Kafka, logLevel } from 'kafkajs';
import { summarize } from './measure.js';
import { encodedSampleRecords, sampleType } from './sample-record.js';

const records = 20_000;
const batchSize = 500;

/**
 * Produce `records` Avro records (idempotent producer, acks=all, batches of 500) into a 3-partition
 * topic while one consumer group reads them; end-to-end latency = consume time − produce time.
 */
export async function kafkaRoundtripBenchmark(
  brokers: string,
  registryUrl: string,
): Promise<Record<string, string>> {
  const kafka = new Kafka({
    clientId: 'hub-bench',
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
  });
  const topic = `bench.roundtrip.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const serde = new AvroSerde(new SchemaRegistryClient(registryUrl));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}.reader` });
  const latencies: number[] = [];
  try {
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        await serde.decode(message.value ?? Buffer.alloc(0), sampleType);
        latencies.push(Date.now() - Number(message.headers?.['sent-at']?.toString()));
      },
    });

    const start = Date.now();
    for (let offset = 0; offset < records; offset += batchSize) {
      const messages = await encodedSampleRecords(serde, topic, offset, batchSize, () => ({
        'sent-at': String(Date.now()),
      }));
      await producer.send({ topic, acks: -1, messages });
    }
    const produced = Date.now();
    await eventually(() => (latencies.length >= records ? true : undefined), {
      timeoutMs: 120_000,
      what: `${records} consumed records`,
    });
    const consumed = Date.now();
    const latency = summarize(latencies);
    return {
      'produce (acks=all, idempotent, batches of 500)': `${Math.round(records / ((produced - start) / 1000)).toLocaleString('en')} records/s`,
      'produce → consume, all records': `${Math.round(records / ((consumed - start) / 1000)).toLocaleString('en')} records/s`,
      'end-to-end latency p50 / p99 / max': `${latency.p50} / ${latency.p99} / ${latency.max} ms`,
    };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
