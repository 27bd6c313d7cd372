import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { platform } from '@hub/test-support';
import { Lease } from '../src/lease/lease.js';

describe('Lease: one instance at a time does the scheduled work', () => {
  // Two pools stand for two instances of one service.
  const pools = [1, 2].map(
    () => new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 }),
  );
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('skips the round of the second instance while the first holds the lease, then lets it in', async () => {
    const name = `kit-lease-it-${randomUUID()}`;
    const [first, second] = pools.map((pool) => new Lease(pool, name)) as [Lease, Lease];
    let release: () => void = () => undefined;
    const busy = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const working = new Promise<void>((resolve) => (started = resolve));

    // The first instance's work runs only once its lock is held.
    const holding = first.runExclusive(() => {
      started();
      return busy.then(() => 'first');
    });
    await working;
    const skipped = await second.runExclusive(() => Promise.resolve('second'));
    release();

    expect(skipped).toEqual({ ran: false });
    expect(await holding).toEqual({ ran: true, result: 'first' });
    expect(await second.runExclusive(() => Promise.resolve('second'))).toEqual({
      ran: true,
      result: 'second',
    });
  });

  it('is free again when the holding instance dies mid-round (its session ends)', async () => {
    const name = `kit-lease-it-${randomUUID()}`;
    const dying = new pg.Client({ connectionString: platform().DATABASE_URL });
    await dying.connect();
    await dying.query('select pg_advisory_lock($1, hashtext($2))', [0x6c656173, name]);
    const other = new Lease(pools[0] as pg.Pool, name);
    expect(await other.runExclusive(() => Promise.resolve(1))).toEqual({ ran: false });

    await dying.end();

    expect(await other.runExclusive(() => Promise.resolve(1))).toEqual({ ran: true, result: 1 });
  });
});
