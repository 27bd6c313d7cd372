import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PoolClient } from 'pg';
import { IdempotencyLedger } from '../src/index.js';
import { testDatabase } from './database.js';

async function givenALedgerAndAnEffectsTable() {
  const { pool, schema } = await testDatabase();
  const ledger = new IdempotencyLedger(pool, { schema });
  await ledger.migrate();
  await pool.query(`create table ${schema}.effects (event_id uuid not null)`);
  const effectCount = async (eventId: string) =>
    Number(
      (
        await pool.query<{ count: string }>(
          `select count(*) from ${schema}.effects where event_id = $1`,
          [eventId],
        )
      ).rows[0]?.count,
    );
  const recordEffect = (eventId: string) => (tx: PoolClient) =>
    tx.query(`insert into ${schema}.effects values ($1)`, [eventId]).then(() => 'done');
  return { ledger, effectCount, recordEffect };
}

describe('the idempotency ledger', () => {
  it('has the effect of an event delivered twice once', async () => {
    const { ledger, effectCount, recordEffect } = await givenALedgerAndAnEffectsTable();
    const eventId = randomUUID();

    const first = await ledger.once(eventId, 'svc.handler', recordEffect(eventId));
    const second = await ledger.once(eventId, 'svc.handler', recordEffect(eventId));

    expect(first).toEqual({ applied: true, result: 'done' });
    expect(second).toEqual({ applied: false });
    expect(await effectCount(eventId)).toBe(1);
  });

  it('has the effect once when two deliveries race', async () => {
    const { ledger, effectCount, recordEffect } = await givenALedgerAndAnEffectsTable();
    const eventId = randomUUID();

    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => ledger.once(eventId, 'svc.handler', recordEffect(eventId))),
    );

    expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(1);
    expect(await effectCount(eventId)).toBe(1);
  });

  it('forgets a failed attempt, so the retry has the effect', async () => {
    const { ledger, effectCount, recordEffect } = await givenALedgerAndAnEffectsTable();
    const eventId = randomUUID();

    await expect(
      ledger.once(eventId, 'svc.handler', async (tx) => {
        await recordEffect(eventId)(tx);
        throw new TypeError('downstream failed after the write');
      }),
    ).rejects.toThrow('downstream failed');
    expect(await effectCount(eventId)).toBe(0);

    expect(await ledger.once(eventId, 'svc.handler', recordEffect(eventId))).toMatchObject({
      applied: true,
    });
    expect(await effectCount(eventId)).toBe(1);
  });

  it('keeps handlers apart: the same event has one effect per handler', async () => {
    const { ledger, recordEffect } = await givenALedgerAndAnEffectsTable();
    const eventId = randomUUID();
    await ledger.once(eventId, 'svc.first', recordEffect(eventId));
    expect(await ledger.once(eventId, 'svc.second', recordEffect(eventId))).toMatchObject({
      applied: true,
    });
  });
});
