import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { HubError } from '@hub/errors';
import { DeliveryEngine, IdempotencyLedger, startTracing } from '@hub/kit';
import { eventually } from '@hub/platform';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { encodedSampleRecords, sampleType } from './sample-record.js';

/**
 * `npm run bench -- kit [--records 30000] [--partitions 3] [--draining-only] [--tracing none]`: the same pre-produced Avro records
 * drained by (a) a raw kafkajs consumer that decodes each record and (b) the kit's DeliveryEngine
 * with the smallest connector a service has: a check plus `ledger.once` on real PostgreSQL, tracing
 * on (the SDK's batch span processor exporting to the local Zipkin, as `runService` sets it up).
 * Then both again while the records are being produced ("running together"). Prints records/s,
 * CPU per record and the kit's share of raw kafkajs. Each run sends Zipkin tens of thousands of
 * spans, which the local Zipkin keeps in its heap: on 2026-12-03 it ran out of memory after
 * several runs (beside other suites' spans), so on a shared platform run it rarely and use
 * `--tracing none` while iterating.
 */
export async function kitBenchmark(
  args: string[],
  endpoints: { KAFKA_BROKERS: string; SCHEMA_REGISTRY_URL: string },
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      records: { type: 'string', default: '30000' },
      partitions: { type: 'string', default: '3' },
      // For profiling the drain alone: the producer's work stays out of the profile.
      'draining-only': { type: 'boolean', default: false },
      // `none` measures what tracing costs.
      tracing: { type: 'string', default: 'zipkin' },
    },
  });
  const records = Number(values.records);
  const partitions = Number(values.partitions);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const zipkinUrl = process.env.ZIPKIN_URL ?? 'http://127.0.0.1:9411';
  const run = randomUUID().slice(0, 8);
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const kafka = new Kafka({
    clientId: `bench-kit-${run}`,
    brokers: endpoints.KAFKA_BROKERS.split(','),
    logLevel: logLevel.ERROR,
  });
  const serde = new AvroSerde(new SchemaRegistryClient(endpoints.SCHEMA_REGISTRY_URL));
  const admin = kafka.admin();
  await admin.connect();
  const topics: string[] = [];
  const newTopic = async (name: string): Promise<string> => {
    const topic = `bench.kit.${run}.${name}`;
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    topics.push(topic);
    return topic;
  };
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const schema = `bench_kit_${run}`;
  await pool.query(`create schema ${schema}`);
  const ledger = new IdempotencyLedger(pool, { schema });
  await ledger.migrate();
  const clients: Clients = { kafka, serde, run, producer };
  try {
    console.log(
      `## Kit vs raw kafkajs (${records.toLocaleString('en')} records, ${partitions} partitions)`,
    );
    const backlog = await newTopic('backlog');
    await produce(clients, backlog, 0, records);
    const raw = await draining('raw kafkajs, draining', records, rawConsumer(clients, backlog));
    const withTogether = !values['draining-only'];
    const rawTogether = withTogether
      ? await together(
          'raw kafkajs, running together',
          records,
          clients,
          await newTopic('raw-together'),
          rawConsumer,
        )
      : 0;
    // As in a service: tracing starts before the kit's clients exist (kafkajs is loaded already).
    const exporter = values.tracing === 'none' ? 'none' : 'zipkin';
    const tracing = startTracing({ service: `bench-kit-${run}`, exporter, zipkinUrl });
    const kitName = `kit (check + ledger.once, tracing ${exporter})`;
    const kit = await draining(
      `${kitName}, draining`,
      records,
      kitConsumer(clients, backlog, ledger),
    );
    const kitTogether = withTogether
      ? await together(
          `${kitName}, running together`,
          records,
          clients,
          await newTopic('kit-together'),
          (clients, topic) => kitConsumer(clients, topic, ledger),
        )
      : 0;
    // Zipkin may not take the last spans within the exporter's timeout on a busy machine.
    await tracing.shutdown().catch(() => {
      line('tracing shutdown', 'the last spans were not exported in time');
    });
    line('kit / raw, draining', `${((100 * kit) / raw).toFixed(1)} %`);
    if (withTogether)
      line('kit / raw, running together', `${((100 * kitTogether) / rawTogether).toFixed(1)} %`);
    line(
      'load average (1 / 5 / 15 min) at the end',
      loadavg()
        .map((load) => load.toFixed(2))
        .join(' / '),
    );
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  }
}

/** A consumer at work: how many records it has handled so far. */
interface Consuming {
  handled(): number;
  stop(): Promise<void>;
}

interface Clients {
  readonly kafka: Kafka;
  readonly serde: AvroSerde;
  readonly producer: Producer;
  /** Unique per benchmark run: groups and schema names never collide with an earlier run. */
  readonly run: string;
}

/** Drains a backlog: the clock runs from the first record handled (group join excluded). */
async function draining(
  name: string,
  records: number,
  consuming: Promise<Consuming>,
): Promise<number> {
  const consumer = await consuming;
  await until(() => consumer.handled() >= 1, `the first record of ${name}`);
  return clocked(name, records - 1, async () => {
    await until(() => consumer.handled() >= records, `${records} records of ${name}`);
    await consumer.stop();
  });
}

/** Produces while consuming: a warm-up record proves the group joined, then the clock runs. */
async function together(
  name: string,
  records: number,
  clients: Clients,
  topic: string,
  consume: (clients: Clients, topic: string) => Promise<Consuming>,
): Promise<number> {
  const consumer = await consume(clients, topic);
  await produce(clients, topic, records, 1);
  await until(() => consumer.handled() >= 1, `the warm-up record of ${name}`);
  return clocked(name, records, async () => {
    await produce(clients, topic, 0, records);
    await until(() => consumer.handled() >= records + 1, `${records} records of ${name}`);
    await consumer.stop();
  });
}

/** Prints and returns records/s; CPU is the whole process's, the producer's included. */
async function clocked(name: string, records: number, work: () => Promise<void>): Promise<number> {
  const cpuBefore = process.cpuUsage();
  const begun = performance.now();
  await work();
  const seconds = (performance.now() - begun) / 1_000;
  const cpu = process.cpuUsage(cpuBefore);
  const perSecond = records / seconds;
  const cpuMsPerRecord = (cpu.user + cpu.system) / records / 1_000;
  line(
    name,
    `${Math.round(perSecond).toLocaleString('en')} records/s, ${cpuMsPerRecord.toFixed(3)} ms CPU/record`,
  );
  return perSecond;
}

function line(metric: string, value: string): void {
  console.log(`  ${metric.padEnd(58)} ${value}`);
}

/** Application-sized records `first` … `first + count - 1`, in batches of 500, acks=all. */
async function produce(
  { producer, serde }: Clients,
  topic: string,
  first: number,
  count: number,
): Promise<void> {
  const batchSize = 500;
  for (let offset = first; offset < first + count; offset += batchSize) {
    const messages = await encodedSampleRecords(
      serde,
      topic,
      offset,
      Math.min(batchSize, first + count - offset),
      () => ({ 'event-id': randomUUID() }),
    );
    await producer.send({ topic, acks: -1, messages });
  }
}

async function rawConsumer({ kafka, serde, run }: Clients, topic: string): Promise<Consuming> {
  // The kit's fetch wait, so that neither side sits out a longer idle fetch than the other.
  const consumer = kafka.consumer({ groupId: `bench-raw-${run}.${topic}`, maxWaitTimeInMs: 1_000 });
  let handled = 0;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await serde.decode(message.value ?? Buffer.alloc(0), sampleType);
      handled++;
    },
  });
  return { handled: () => handled, stop: () => consumer.disconnect() };
}

/** The smallest connector: a check, then `ledger.once` with an effect that writes nothing else. */
async function kitConsumer(
  { kafka, serde, run }: Clients,
  topic: string,
  ledger: IdempotencyLedger,
): Promise<Consuming> {
  let handled = 0;
  const engine = new DeliveryEngine({ service: `bench-kit-${run}`, kafka, serde });
  engine.register<{ applicationId: string }>({
    name: topic.replaceAll('.', '-'),
    topic,
    type: sampleType,
    async handle(value, context) {
      if (value.applicationId.length !== 36)
        throw new HubError('BENCH_BAD_ID', 'Not an application id.', { retryable: false });
      const once = await ledger.once(context.eventId, context.group, () => Promise.resolve());
      if (once.applied) handled++;
    },
  });
  await engine.start();
  return { handled: () => handled, stop: () => engine.stop() };
}

function until(done: () => boolean, what: string): Promise<true> {
  return eventually(() => (done() ? true : undefined), {
    timeoutMs: 600_000,
    what,
    intervalMs: 20,
  });
}
