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

  it('keeps the effects of events handled together when one of them fails in the database', async () => {
    const { ledger, effectCount, recordEffect } = await givenALedgerAndAnEffectsTable();
    const eventIds = Array.from({ length: 6 }, () => randomUUID());
    const failing = eventIds[2] as string;

    const outcomes = await Promise.allSettled(
      eventIds.map((eventId) =>
        ledger.once(eventId, 'svc.handler', async (tx) => {
          await recordEffect(eventId)(tx);
          // Aborts the transaction it runs in, like any failed statement.
          if (eventId === failing) await tx.query('select 1 / 0');
          return 'done';
        }),
      ),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      eventIds.map((eventId) => (eventId === failing ? 'rejected' : 'fulfilled')),
    );
    for (const eventId of eventIds)
      expect(await effectCount(eventId)).toBe(eventId === failing ? 0 : 1);
    expect(await ledger.once(failing, 'svc.handler', recordEffect(failing))).toMatchObject({
      applied: true,
    });
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

describe('the idempotency ledger, for effects outside the database', () => {
  async function givenALedger(claimLeaseMs?: number) {
    const { pool, schema } = await testDatabase();
    const ledger = new IdempotencyLedger(pool, {
      schema,
      ...(claimLeaseMs ? { claimLeaseMs } : {}),
    });
    await ledger.migrate();
    const calls: string[] = [];
    const remoteCall =
      (eventId: string, takesMs = 0) =>
      async () => {
        calls.push(eventId);
        await new Promise((resolve) => setTimeout(resolve, takesMs));
        return 'sent';
      };
    return { pool, schema, ledger, calls, remoteCall };
  }

  it('makes the remote call once for an event delivered twice, holding no connection during it', async () => {
    const { pool, ledger, calls } = await givenALedger();
    const eventId = randomUUID();
    let connectionsInUse = -1;
    const call = () => {
      connectionsInUse = pool.totalCount - pool.idleCount;
      calls.push(eventId);
      return Promise.resolve('sent');
    };

    expect(await ledger.onceRemote(eventId, 'svc.remote', call)).toEqual({
      applied: true,
      result: 'sent',
    });
    expect(await ledger.onceRemote(eventId, 'svc.remote', call)).toEqual({ applied: false });
    expect(calls).toEqual([eventId]);
    expect(connectionsInUse).toBe(0);
  });

  it('makes the call once when deliveries race: the others wait for the claim, then skip', async () => {
    const { ledger, calls, remoteCall } = await givenALedger();
    const eventId = randomUUID();

    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId, 400)),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.applied)).toHaveLength(1);
    expect(calls).toEqual([eventId]);
  });

  it('renews the claim while a call outlasts the lease, so nobody takes it over', async () => {
    const { ledger, calls, remoteCall } = await givenALedger(300);
    const eventId = randomUUID();

    const first = ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId, 1_200));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId));

    expect(second).toEqual({ applied: false });
    expect(await first).toEqual({ applied: true, result: 'sent' });
    expect(calls).toEqual([eventId]);
  });

  it('gives a failed call back at once, so the retry makes it', async () => {
    const { ledger, calls, remoteCall } = await givenALedger();
    const eventId = randomUUID();

    await expect(
      ledger.onceRemote(eventId, 'svc.remote', () =>
        Promise.reject(new TypeError('endpoint down')),
      ),
    ).rejects.toThrow('endpoint down');
    const retry = await ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId));

    expect(retry).toEqual({ applied: true, result: 'sent' });
    expect(calls).toEqual([eventId]);
  });

  it('takes over the claim of a crashed delivery once its lease ran out', async () => {
    const { pool, schema, ledger, calls, remoteCall } = await givenALedger();
    const eventId = randomUUID();
    // What a SIGKILLed instance leaves behind: its claim, never renewed, never done.
    await pool.query(
      `insert into ${schema}.kit_processed_events (handler, event_id, done, claimed_until)
       values ('svc.remote', $1, false, now() + interval '500 milliseconds')`,
      [eventId],
    );

    const startedAt = Date.now();
    const takeover = await ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId));

    expect(takeover).toEqual({ applied: true, result: 'sent' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
    expect(calls).toEqual([eventId]);
  });

  it('keeps a done event done for the transactional once of the same handler name', async () => {
    const { ledger, remoteCall } = await givenALedger();
    const eventId = randomUUID();
    await ledger.onceRemote(eventId, 'svc.remote', remoteCall(eventId));
    expect(await ledger.once(eventId, 'svc.remote', () => Promise.resolve('again'))).toEqual({
      applied: false,
    });
  });
});
