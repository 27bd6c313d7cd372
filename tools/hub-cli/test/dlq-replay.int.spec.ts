import { randomUUID } from 'node:crypto';
import avro from 'avsc';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { HubError } from '@hub/errors';
import {
  DeliveryEngine,
  IdempotencyLedger,
  deadLetterTopic,
  groupOf,
  textHeaders,
  type EventContext,
} from '@hub/kit';
import {
  collectFrom,
  createTestTopic,
  eventually,
  platform,
  testKafka,
  testProducer,
} from '@hub/test-support';
import { run } from '../src/commands/dlq.js';

interface Application {
  applicationId: string;
  /** Personal data: must never appear in what the CLI prints. */
  applicantName: string;
}

const applicationType = avro.Type.forSchema({
  type: 'record',
  name: 'DlqReplayTestApplication',
  namespace: 'de.hub.test',
  fields: [
    { name: 'applicationId', type: 'string' },
    { name: 'applicantName', type: 'string' },
  ],
});

/** Which error each poison key fails with while the handler is broken. */
const poison: Record<string, string> = {
  'app-1': 'TEST_MALFORMED',
  'app-2': 'TEST_REFUSED',
  'app-3': 'TEST_MALFORMED',
};

interface Processed {
  readonly key: string | undefined;
  readonly eventId: string;
  readonly replayCount: string | undefined;
}

/** Runs `npm run hub -- dlq <args>` in process against the test broker: what it printed, its exit code. */
async function runHubDlq(...args: string[]): Promise<{ output: string; exitCode: number }> {
  vi.stubEnv('KAFKA_BROKERS', platform().KAFKA_BROKERS);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    printed.push(String(line));
  });
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    printed.push(String(line));
  });
  try {
    await run(args);
    return { output: printed.join('\n'), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
    vi.unstubAllEnvs();
  }
}

/** Runs a `dlq` command that must succeed; returns what it printed. */
async function hubDlq(...args: string[]): Promise<string> {
  const { output, exitCode } = await runHubDlq(...args);
  expect(exitCode, output).toBe(0);
  return output;
}

/** Once fixed, the handler records each delivery and then has `effect`, if given. */
async function startBrokenThenFixableEngine(
  kafka: Kafka,
  service: string,
  topic: string,
  effect?: (context: EventContext) => Promise<unknown>,
) {
  const state = { fixed: false, processed: [] as Processed[] };
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const engine = new DeliveryEngine({ service, kafka, serde }).register<Application>({
    name: 'record',
    topic,
    type: applicationType,
    retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
    handle(application, context) {
      const code = poison[application.applicationId];
      if (!state.fixed && code)
        return Promise.reject(new HubError(code, 'cannot take it', { retryable: false }));
      state.processed.push({
        key: context.key,
        eventId: context.eventId,
        replayCount: context.headers['replay-count'],
      });
      return effect ? effect(context).then(() => undefined) : Promise.resolve();
    },
  });
  onTestFinished(async () => {
    await engine.stop(5_000);
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [deadLetterTopic(groupOf(service, 'record'))] })
      .catch(() => undefined);
    await admin.disconnect();
  });
  await engine.start();
  return { state, serde };
}

function headersOf(payload: { message: { headers?: Parameters<typeof textHeaders>[0] } }) {
  return textHeaders(payload.message.headers);
}

describe('dlq list, show and replay against the real broker', () => {
  it('lists and shows dead letters without their payload, and replays them by id, code and key to be processed once each after the fix', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'dlq-replay');
    const service = `test-dlq-replay-${randomUUID().slice(0, 8)}`;
    const dlq = deadLetterTopic(groupOf(service, 'record'));
    const { state, serde } = await startBrokenThenFixableEngine(kafka, service, topic);
    const { received: onSource } = await collectFrom(kafka, topic);
    const { received: deadLetters } = await collectFrom(kafka, dlq);

    // given three poison events, each with its own event id and trace; app-3 was replayed once before
    const marker = `Erika Mustermann ${randomUUID()}`;
    const originals = await Promise.all(
      Object.keys(poison).map(async (key) => ({
        key,
        value: await serde.encode(`${topic}-value`, applicationType, {
          applicationId: key,
          applicantName: marker,
        }),
        headers: {
          'event-id': randomUUID(),
          traceparent: `00-${randomUUID().replaceAll('-', '')}-${randomUUID().replaceAll('-', '').slice(0, 16)}-01`,
          ...(key === 'app-3' ? { 'replay-count': '1' } : {}),
        },
      })),
    );
    const producer = await testProducer(kafka);
    await producer.send({ topic, acks: -1, messages: originals });

    // when the broken handler refuses them
    await eventually(() => (deadLetters.length === 3 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'three dead letters',
    });
    const letterIdOf = (key: string) => {
      const letter = deadLetters.find(({ message }) => message.key?.toString() === key);
      return `${dlq}:${letter?.partition}:${letter?.message.offset}`;
    };

    // then list names each one with its error code, and neither list nor show prints the payload
    const listed = await hubDlq('list', dlq);
    for (const [key, code] of Object.entries(poison))
      expect(listed).toContain(`${letterIdOf(key)}  ${key}  ${code}  attempts=1`);
    expect(listed).toContain(`3 dead letter(s) in ${dlq}`);
    expect(await hubDlq('topics')).toContain(`${dlq}  3`);
    const shown = await hubDlq('show', letterIdOf('app-2'));
    const shownLetter = JSON.parse(shown) as {
      headers: Record<string, string>;
      valueBytes: number;
    };
    expect(shownLetter.headers['dlq-error-code']).toBe('TEST_REFUSED');
    expect(shownLetter.valueBytes).toBe(originals[1]?.value.length);
    for (const printed of [listed, shown]) {
      expect(printed).not.toContain(marker);
      for (const original of originals) {
        expect(printed).not.toContain(original.value.toString('base64'));
        expect(printed).not.toContain(original.value.toString('hex'));
        expect(printed).not.toContain(JSON.stringify([...original.value]).slice(1, -1));
      }
    }

    // when the handler is fixed and each letter is replayed by a different selector
    state.fixed = true;
    const replays = [
      { key: 'app-1', args: ['--id', letterIdOf('app-1')] },
      { key: 'app-2', args: ['--code', 'TEST_REFUSED'] },
      { key: 'app-3', args: ['--key', 'app-3'] },
    ];
    for (const [index, { key, args }] of replays.entries()) {
      const output = await hubDlq('replay', dlq, ...args);
      expect(output).toContain(`replayed ${letterIdOf(key)} to ${topic}`);
      expect(output).toContain('1 dead letter(s) replayed');
      await eventually(() => (onSource.length === 3 + index + 1 ? true : undefined), {
        timeoutMs: 30_000,
        what: `the replay of ${key} on the source topic`,
      });
    }

    // then each is back on the source topic as it was, its replay counted
    const replayed = onSource.slice(3);
    for (const [index, original] of originals.entries()) {
      const copy = replayed.find(({ message }) => message.key?.toString() === original.key);
      expect(copy?.message.value).toEqual(original.value);
      expect(headersOf(copy ?? { message: {} })).toEqual({
        'event-id': original.headers['event-id'],
        traceparent: original.headers.traceparent,
        'replay-count': String(index === 2 ? 2 : 1),
      });
    }

    // and each replayed event is processed exactly once, with no new dead letter
    await eventually(
      async () =>
        (await committedOffset(kafka, groupOf(service, 'record'), topic)) === '6'
          ? true
          : undefined,
      { timeoutMs: 30_000, what: 'all six records committed' },
    );
    expect([...state.processed].sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual(
      originals.map((original, index) => ({
        key: original.key,
        eventId: original.headers['event-id'],
        replayCount: String(index === 2 ? 2 : 1),
      })),
    );
    expect(deadLetters).toHaveLength(3);
  });

  it('has the effect of a dead letter replayed twice once, through the idempotency ledger', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'dlq-replay-twice');
    const service = `test-dlq-twice-${randomUUID().slice(0, 8)}`;
    const group = groupOf(service, 'record');
    const dlq = deadLetterTopic(group);
    const { pool, schema } = await testDatabase();
    const ledger = new IdempotencyLedger(pool, { schema });
    await ledger.migrate();
    await pool.query(`create table ${schema}.effects (event_id uuid not null)`);
    const { state, serde } = await startBrokenThenFixableEngine(kafka, service, topic, (context) =>
      ledger.once(context.eventId, context.group, (tx) =>
        tx.query(`insert into ${schema}.effects values ($1)`, [context.eventId]),
      ),
    );
    const { received: deadLetters } = await collectFrom(kafka, dlq);

    // given a dead letter
    const eventId = randomUUID();
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: 'app-1',
          value: await serde.encode(`${topic}-value`, applicationType, {
            applicationId: 'app-1',
            applicantName: 'Max Mustermann',
          }),
          headers: { 'event-id': eventId },
        },
      ],
    });
    const [letter] = await eventually(() => (deadLetters.length > 0 ? deadLetters : undefined), {
      timeoutMs: 30_000,
      what: 'the dead letter',
    });

    // when the handler is fixed and the letter replayed twice
    state.fixed = true;
    const id = `${dlq}:${letter?.partition}:${letter?.message.offset}`;
    for (let replay = 1; replay <= 2; replay++)
      expect(await hubDlq('replay', dlq, '--id', id)).toContain('1 dead letter(s) replayed');

    // then both deliveries ran the handler, and the effect happened once
    await eventually(
      async () => ((await committedOffset(kafka, group, topic)) === '3' ? true : undefined),
      { timeoutMs: 30_000, what: 'the original and both replays committed' },
    );
    expect(state.processed.map((processed) => processed.eventId)).toEqual([eventId, eventId]);
    const effects = await pool.query(`select event_id from ${schema}.effects`);
    expect(effects.rows).toEqual([{ event_id: eventId }]);
    expect(deadLetters).toHaveLength(1);
  });

  it('refuses an unknown id and a replay without a selector, replaying nothing', async () => {
    const kafka = testKafka();
    const source = await createTestTopic(kafka, 'dlq-source');
    const dlq = await createTestTopic(kafka, 'dlq-refusals');
    const producer = await testProducer(kafka);
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        {
          key: 'app-1',
          value: Buffer.from([0, 0, 0, 0, 1, 2]),
          headers: {
            'event-id': randomUUID(),
            'dlq-source-topic': source,
            'dlq-error-code': 'TEST_REFUSED',
          },
        },
      ],
    });

    const unknown = await runHubDlq('show', `${dlq}:0:1`);
    const unselected = await runHubDlq('replay', dlq);

    expect(unknown).toEqual({ output: `no dead letter ${dlq}:0:1`, exitCode: 1 });
    expect(unselected).toEqual({ output: 'replay needs --id, --code or --key', exitCode: 2 });
    expect(await hubDlq('replay', dlq, '--code', 'TEST_OTHER')).toBe('0 dead letter(s) replayed');
    const admin = kafka.admin();
    await admin.connect();
    onTestFinished(() => admin.disconnect());
    expect(await admin.fetchTopicOffsets(source)).toMatchObject([{ partition: 0, high: '0' }]);
  });

  it('names a dead-letter topic that does not exist', async () => {
    const missing = `dlq.test-missing-${randomUUID().slice(0, 8)}`;

    await expect(runHubDlq('list', missing)).rejects.toMatchObject({
      code: 'DLQ_NO_TOPIC',
      message: `No dead-letter topic ${missing}.`,
    });
  });
});

async function committedOffset(kafka: Kafka, group: string, topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return offsets?.partitions[0]?.offset;
  } finally {
    await admin.disconnect();
  }
}

/** A pool and a schema of this test's own, dropped when the test finishes. */
async function testDatabase(): Promise<{ pool: pg.Pool; schema: string }> {
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
  const schema = `hub_cli_test_${randomUUID().slice(0, 8)}`;
  await pool.query(`create schema ${schema}`);
  onTestFinished(async () => {
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  });
  return { pool, schema };
}
