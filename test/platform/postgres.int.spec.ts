import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { platform } from '../support/index.js';

describe('the database', () => {
  it('accepts connections and enforces a unique constraint, as the idempotency ledger will need', async () => {
    const client = new pg.Client({ connectionString: platform().DATABASE_URL });
    await client.connect();
    onTestFinished(() => client.end());
    await client.query('create temporary table platform_check (event_id uuid primary key)');
    const eventId = '0b9f8c1e-6a57-4a63-9d0e-6a9b6e1c2f10';
    await client.query('insert into platform_check values ($1)', [eventId]);
    await expect(
      client.query('insert into platform_check values ($1)', [eventId]),
    ).rejects.toMatchObject({ code: '23505' });
    const { rows } = await client.query<{ count: string }>('select count(*) from platform_check');
    expect(rows[0]?.count).toBe('1');
  });
});
