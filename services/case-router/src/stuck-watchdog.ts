import type { KitLogger } from '@hub/kit';
import type { CaseState } from './case.js';
import type { CaseRouterMetrics } from './case-router-metrics.js';
import type { CaseStore } from './case-store.js';

/** The states that are not final (see finalStates): an application should leave each of them. */
const watchedStates: readonly CaseState[] = [
  'AWAITING_PAYMENT',
  'DELIVERY_REQUESTED',
  'DELIVERY_OVERDUE',
  'DELIVERY_FAILED',
  'DELIVERED',
  'IN_PROCEDURE',
];

const batchSize = 100;

/**
 * Flags applications whose state has not changed for `stuckAfterMs`: a gauge per state (every
 * instance reports the same count from the database) and one log line per application, written
 * by whichever instance marks it first.
 */
export async function checkStuckApplications(
  store: CaseStore,
  metrics: CaseRouterMetrics,
  logger: KitLogger,
  stuckAfterMs: number,
  now: Date,
): Promise<number> {
  const cutoff = new Date(now.getTime() - stuckAfterMs);
  const counts = await store.stuckCounts(cutoff);
  for (const state of watchedStates) metrics.stuck.set({ state }, counts.get(state) ?? 0);
  let flagged = 0;
  for (;;) {
    const batch = await store.markStuck(cutoff, batchSize);
    for (const { applicationId, state, since } of batch)
      logger.warn(
        { applicationId, state, since: since.toISOString() },
        'application has not moved: operators should look at it',
      );
    flagged += batch.length;
    if (batch.length < batchSize) return flagged;
  }
}
