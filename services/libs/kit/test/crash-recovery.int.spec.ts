import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { IdempotencyLedger, deadLetterTopic, groupOf } from '../src/index.js';
import { testDatabase } from './database.js';
import { publish, uniqueService } from './fixtures.js';
import { createTestTopic, eventually, platform, testKafka } from '@hub/test-support';

const connector = fileURLToPath(new URL('./crash-connector.ts', import.meta.url));

/** Runs crash-connector.ts in a process of its own; its stdout lines are collected. */
function startConnector(env: Record<string, string>): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), connector], {
    env: { ...process.env, ...platform(), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')));
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, output };
}

describe('a connector killed with SIGKILL in the middle of a handler', () => {
  it(
    'after a restart has had exactly one effect for every event, and lost none',
    { timeout: 120_000 },
    async () => {
      const kafka = testKafka();
      const topic = await createTestTopic(kafka, 'crash', { partitions: 2 });
      const service = uniqueService('crash');
      const { pool, schema } = await testDatabase();
      await new IdempotencyLedger(pool, { schema }).migrate();
      await pool.query(
        `create table ${schema}.effects (event_id uuid, application_id text, seq int)`,
      );
      onTestFinished(async () => {
        const admin = kafka.admin();
        await admin.connect();
        await admin
          .deleteTopics({ topics: [deadLetterTopic(groupOf(service, 'record'))] })
          .catch(() => undefined);
        await admin.disconnect();
      });
      const events = Array.from({ length: 8 }, (_, seq) =>
        ['app-1', 'app-2', 'app-3', 'app-4'].map((applicationId) => ({
          applicationId,
          seq: seq + 1,
        })),
      ).flat();
      await publish(kafka, topic, events);
      const env = { TOPIC: topic, SERVICE: service, SCHEMA: schema };

      const first = startConnector({ ...env, HANG_AT: 'app-2#3' });
      await eventually(() => (first.output.includes('hanging in app-2#3') ? true : undefined), {
        timeoutMs: 60_000,
        what: 'the connector to hang inside a handler',
      });
      const doneBeforeKill = await effectRows(pool, schema);
      first.child.kill('SIGKILL');
      startConnector(env);

      const rows = await eventually(
        async () => {
          const current = await effectRows(pool, schema);
          return current.length >= events.length ? current : undefined;
        },
        { timeoutMs: 90_000, what: 'every event to have its effect after the restart' },
      );
      expect(doneBeforeKill.length).toBeGreaterThan(0);
      expect(doneBeforeKill.length).toBeLessThan(events.length);
      expect(rows.map((row) => `${row.application_id}#${row.seq}`).sort()).toEqual(
        events.map((event) => `${event.applicationId}#${event.seq}`).sort(),
      );
      const ledgerRows = await pool.query(
        `select count(*)::int as count from ${schema}.kit_processed_events`,
      );
      expect(ledgerRows.rows[0]).toEqual({ count: events.length });
    },
  );
});

async function effectRows(pool: Pool, schema: string) {
  const result = await pool.query<{ application_id: string; seq: number }>(
    `select application_id, seq from ${schema}.effects`,
  );
  return result.rows;
}
