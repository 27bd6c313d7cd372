import pg from 'pg';
import type { Registry } from 'prom-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { IdempotencyLedger, outboundBreakers } from '../src/index.js';
import { publish, startEngine, testEventType, uniqueService, type TestEvent } from './fixtures.js';
import { createTestTopic, eventually, startPrivatePostgres, testKafka } from '@hub/test-support';

async function metricSum(engine: { metricsRegistry: Registry }, name: string): Promise<number> {
  const metric = await engine.metricsRegistry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
}

describe('delivery while PostgreSQL restarts', () => {
  it('waits out a database stopped far longer than the retry budget: every effect once, no dead letter', async () => {
    const database = await startPrivatePostgres();
    onTestFinished(() => database.remove());
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // As the kit's service clients do: a connection lost while idle must not end the process.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    onTestFinished(() => pool.end());
    const ledger = new IdempotencyLedger(pool);
    await ledger.migrate();
    await pool.query('create table effects (application_id text, seq int)');
    outboundBreakers.configure({ initialProbeDelayMs: 100, maxProbeDelayMs: 500 });
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'database-restart', { partitions: 3 });
    const engine = await startEngine(kafka, uniqueService('database-restart'), [
      {
        name: 'store',
        topic,
        type: testEventType,
        // Two attempts of 10 ms: the restart below is hundreds of times the whole budget.
        retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
        async handle(event: TestEvent, context) {
          await ledger.once(context.eventId, 'store', (tx) =>
            tx.query('insert into effects values ($1, $2)', [event.applicationId, event.seq]),
          );
        },
      },
    ]);
    const before = [1, 2, 3].map((seq) => ({ applicationId: 'app-a', seq }));
    await publish(kafka, topic, before);
    const stored = async () =>
      Number((await pool.query<{ count: string }>('select count(*) from effects')).rows[0]?.count);
    await eventually(async () => ((await stored()) === before.length ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the effects before the restart',
    });

    await database.stop();
    const during = ['app-b', 'app-c', 'app-d'].flatMap((applicationId) =>
      [1, 2].map((seq) => ({ applicationId, seq })),
    );
    await publish(kafka, topic, during);
    await eventually(
      async () => ((await metricSum(engine, 'hub_outage_waiting_events')) > 0 ? true : undefined),
      { timeoutMs: 30_000, what: 'events waiting for the database' },
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await metricSum(engine, 'hub_events_dead_lettered_total')).toBe(0);
    await database.start();

    await eventually(
      async () => ((await stored()) >= before.length + during.length ? true : undefined),
      { timeoutMs: 30_000, what: 'every effect after the restart' },
    );
    const { rows } = await pool.query<{ application_id: string; seq: number }>(
      'select application_id, seq from effects order by application_id, seq',
    );
    expect(rows.map((row) => `${row.application_id}/${row.seq}`)).toEqual(
      [...before, ...during].map((event) => `${event.applicationId}/${event.seq}`).sort(),
    );
    expect(await metricSum(engine, 'hub_events_dead_lettered_total')).toBe(0);
  });
});
