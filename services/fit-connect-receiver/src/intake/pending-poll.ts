import type { SubmissionApi } from '../api/submission-api.js';
import type { IntakeMetrics } from './intake-metrics.js';
import type { SubmissionLedger } from './submission-ledger.js';
import type { SubmissionQueue } from './submission-queue.js';

const pageSize = 100;

/**
 * One poll round: every submission FIT-Connect holds for the destination is queued (a lost
 * callback loses nothing), then the 14-day gauge is refreshed. Returns how many were listed.
 */
export async function pollPendingSubmissions(deps: {
  readonly destinationId: string;
  readonly api: SubmissionApi;
  readonly queue: SubmissionQueue;
  readonly ledger: SubmissionLedger;
  readonly metrics: IntakeMetrics;
  readonly warnAfterMs: number;
}): Promise<number> {
  let offset = 0;
  let listed = 0;
  for (;;) {
    const page = await deps.api.pending(deps.destinationId, offset, pageSize);
    // Seen here already, so a submission that cannot be fetched still counts toward the 14 days.
    for (const entry of page.submissions) await deps.ledger.seen(entry.submissionId, entry.caseId);
    deps.queue.enqueue(page.submissions.map((entry) => entry.submissionId));
    listed += page.submissions.length;
    offset += page.count;
    if (page.count === 0 || offset >= page.totalCount) break;
  }
  await deps.queue.idle();
  deps.metrics.nearingDeadline.set(
    await deps.ledger.undecidedSince(new Date(Date.now() - deps.warnAfterMs)),
  );
  await deps.ledger.pruneCallbacks();
  return listed;
}
