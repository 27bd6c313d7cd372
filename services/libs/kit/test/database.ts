import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { platform } from '@hub/test-support';

/** A pool and a schema of this test's own, dropped when the test finishes. */
export async function testDatabase(): Promise<{ pool: pg.Pool; schema: string }> {
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 5 });
  const schema = `kit_test_${randomUUID().slice(0, 8)}`;
  await pool.query(`create schema ${schema}`);
  onTestFinished(async () => {
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  });
  return { pool, schema };
}
