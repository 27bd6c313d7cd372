import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KitLogger } from '@hub/kit';
import { platform } from '@hub/test-support';
import { onSubmitted } from '../src/case-decisions.js';
import { CaseRouterMetrics } from '../src/case-router-metrics.js';
import { CaseStore } from '../src/case-store.js';
import { checkStuckApplications } from '../src/stuck-watchdog.js';
import { applied, freeRoute, settings, withoutFee } from './case-fixtures.js';

/** A logger that keeps the application ids it was told about. */
function recordingLogger(): KitLogger & { ids: string[] } {
  const ids: string[] = [];
  const keep = (fields: object) => {
    if ('applicationId' in fields && typeof fields.applicationId === 'string')
      ids.push(fields.applicationId);
  };
  return { ids, debug: keep, info: keep, warn: keep, error: keep };
}

describe('the stuck-application watchdog on the real database', () => {
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL });
  const store = new CaseStore(pool);
  beforeAll(async () => {
    await store.migrate();
  });
  afterAll(async () => {
    await pool.end();
  });

  async function caseSince(hoursAgo: number): Promise<string> {
    const applicationId = randomUUID();
    const next = applied(onSubmitted({ ...withoutFee, applicationId }, freeRoute, settings));
    const tx = await pool.connect();
    try {
      await store.save(tx, undefined, next, randomUUID(), 'test case');
    } finally {
      tx.release();
    }
    await pool.query(
      `update case_router_cases set state_since = now() - make_interval(hours => $2) where application_id = $1`,
      [applicationId, hoursAgo],
    );
    return applicationId;
  }

  it('given an application that has not moved, when two router instances check at once, then it is flagged once and counted by both', async () => {
    const stuck = await caseSince(3);
    const moving = await caseSince(0);
    const instances = [0, 1].map(() => ({
      logger: recordingLogger(),
      registry: new Registry(),
    }));
    await Promise.all(
      instances.map(({ logger, registry }) =>
        checkStuckApplications(
          store,
          new CaseRouterMetrics(registry),
          logger,
          3_600_000,
          new Date(),
        ),
      ),
    );
    const flagged = instances.flatMap(({ logger }) => logger.ids);
    expect(flagged.filter((id) => id === stuck)).toHaveLength(1);
    expect(flagged).not.toContain(moving);
    for (const { registry } of instances) {
      const gauge = await registry.getSingleMetric('hub_applications_stuck')?.get();
      const requested = gauge?.values.find((v) => v.labels.state === 'DELIVERY_REQUESTED');
      expect(requested?.value).toBeGreaterThanOrEqual(1);
    }
  });

  it('given a flagged application, when it moves and stalls again, then it is flagged again', async () => {
    const applicationId = await caseSince(3);
    const logger = recordingLogger();
    const metrics = new CaseRouterMetrics(new Registry());
    await checkStuckApplications(store, metrics, logger, 3_600_000, new Date());
    await checkStuckApplications(store, metrics, logger, 3_600_000, new Date());
    expect(logger.ids.filter((id) => id === applicationId)).toHaveLength(1);

    const tx = await pool.connect();
    try {
      const current = await store.lock(tx, applicationId);
      if (!current) throw new Error('the test case is missing');
      await store.save(
        tx,
        current,
        { ...current, state: 'DELIVERY_OVERDUE' },
        randomUUID(),
        'moved',
      );
    } finally {
      tx.release();
    }
    await checkStuckApplications(store, metrics, logger, 3_600_000, new Date());
    expect(logger.ids.filter((id) => id === applicationId)).toHaveLength(1);
    await pool.query(
      `update case_router_cases set state_since = now() - interval '2 hours' where application_id = $1`,
      [applicationId],
    );
    await checkStuckApplications(store, metrics, logger, 3_600_000, new Date());
    expect(logger.ids.filter((id) => id === applicationId)).toHaveLength(2);
  });
});
