import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '@hub/test-support';
import { validApplication } from './fixtures.js';
import { startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;

describe('a database restart under the portal API (real gateway, its own PostgreSQL)', () => {
  let database: PrivatePostgres;
  let under: Under;
  beforeAll(async () => {
    database = await startPrivatePostgres();
    under = await startGatewayUnderTest({
      DATABASE_URL: database.url,
      OVERLOAD_RETRY_AFTER_SECONDS: '3',
    });
  }, 120_000);
  afterAll(async () => {
    await under.gateway.stop();
    await database.remove();
  });

  it('refuses with 503 and Retry-After while the database is down, logs an outage not a bug, and takes the same key once it is back', async () => {
    const key = randomUUID();
    await database.stop();

    const refused = await under.submit(validApplication(), { 'idempotency-key': key });

    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('3');
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    const logged = under.logged.filter(({ message }) => message.includes('database unreachable'));
    expect(logged.map(({ level }) => level)).toContain('warn');
    expect(under.logged.filter(({ level }) => level === 'error')).toEqual([]);

    await database.start();
    const accepted = await under.submit(validApplication(), { 'idempotency-key': key });
    expect(accepted.status).toBe(202);
    const again = await under.submit(validApplication(), { 'idempotency-key': key });
    expect(again.json.applicationId).toBe(accepted.json.applicationId);
  }, 120_000);
});
