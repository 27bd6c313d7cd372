import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { eventually, platform } from '@hub/test-support';

/**
 * A database of this test's own (not just a schema), dropped when the test finishes: migrations
 * write tracking tables and take advisory locks, which a shared database would let tests see.
 */
export async function privateDatabase(): Promise<{ url: string; pool: () => pg.Pool }> {
  const admin = new pg.Client({ connectionString: platform().DATABASE_URL });
  await admin.connect();
  const name = `hub_generator_${randomUUID().slice(0, 8)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(platform().DATABASE_URL);
  url.pathname = `/${name}`;
  const pools: pg.Pool[] = [];
  onTestFinished(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    // pool.end() resolves before its clients' sockets are closed; a forced drop terminating one
    // of them still closing would surface as an unhandled error in the next test.
    await eventually(
      async () => {
        const { rows } = await admin.query<{ open: string }>(
          'select count(*) as open from pg_stat_activity where datname = $1',
          [name],
        );
        return rows[0]?.open === '0' ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: `the connections to ${name} to close` },
    );
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  });
  return {
    url: url.toString(),
    pool: () => {
      const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
      pools.push(pool);
      return pool;
    },
  };
}
