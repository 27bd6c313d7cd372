import { HubError } from '@hub/errors';
import type { CircuitBreaker, Turn } from '../outage/circuit-breaker.js';
import { isDatabaseUnreachable } from '../outage/database-unreachable.js';
import { inAttemptScope, type AttemptScope } from '../outage/outbound-breakers.js';
import { backoffDelayMs, type RetryPolicy } from './retry-policy.js';
import type { Failure } from './dead-letter.js';

export type AttemptsOutcome =
  | { readonly kind: 'succeeded'; readonly attempts: number }
  | { readonly kind: 'failed'; readonly failure: Failure }
  /** Shutdown came while waiting for the next attempt: the record stays uncommitted. */
  | { readonly kind: 'abandoned' };

export interface AttemptHooks {
  readonly signal: AbortSignal;
  onRetry(error: unknown, failedAttempts: number, delayMs: number): void;
  /**
   * The attempt failed on an endpoint whose circuit is open: resolves with the turn to try again
   * when the endpoint may be called (see CircuitBreaker.waitForTurn), undefined at shutdown.
   */
  waitOutOutage(breaker: CircuitBreaker, since: Date): Promise<Turn | undefined>;
  /**
   * The database's circuit: an attempt that failed because the database is unreachable (and on
   * no outbound endpoint) counts against it, a successful one for it, so a database restart is
   * waited out like an endpoint's outage. Every handler goes through the ledger: a success says
   * the database answers.
   */
  readonly database?: CircuitBreaker;
}

/**
 * Tries `task` until it succeeds, throws a non-retryable error, or the policy's attempts are
 * spent. A plain Error counts as retryable: only the thrower can say that trying again is useless.
 * Failures during an outage (the failing endpoint's or the database's circuit is open) do not
 * spend attempts: the task waits however long it takes, so no outage ever dead-letters an event.
 */
export async function attempt(
  task: (attemptNumber: number) => Promise<void>,
  policy: RetryPolicy,
  hooks: AttemptHooks,
): Promise<AttemptsOutcome> {
  let firstFailureAt: Date | undefined;
  let outageSince: Date | undefined;
  let turn: Turn | undefined;
  let spentAttempts = 0;
  for (let attemptNumber = 1; ; attemptNumber++) {
    const scope: AttemptScope = {};
    const thrown = await inAttemptScope(scope, () => task(attemptNumber)).then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    // The try is over: if it was this record's turn to probe and it did not, the next waiter may.
    turn?.end();
    if (!thrown) {
      hooks.database?.succeeded();
      return { kind: 'succeeded', attempts: attemptNumber };
    }
    if (hooks.database && !scope.failedOn && isDatabaseUnreachable(thrown.error)) {
      hooks.database.failed();
      scope.failedOn = hooks.database;
    }
    const now = new Date();
    firstFailureAt ??= now;
    const { code, message, retryable } = describeError(thrown.error);
    const outage = retryable && scope.failedOn?.state !== 'closed' ? scope.failedOn : undefined;
    if (outage) {
      outageSince ??= now;
      turn = await hooks.waitOutOutage(outage, outageSince);
      if (!turn) return { kind: 'abandoned' };
      continue;
    }
    outageSince = undefined;
    spentAttempts++;
    if (!retryable || spentAttempts >= policy.maxAttempts) {
      return {
        kind: 'failed',
        failure: { code, message, attempts: attemptNumber, firstFailureAt, lastFailureAt: now },
      };
    }
    const delayMs = backoffDelayMs(policy, spentAttempts);
    hooks.onRetry(thrown.error, attemptNumber, delayMs);
    if (!(await sleep(delayMs, hooks.signal))) return { kind: 'abandoned' };
  }
}

export function describeError(error: unknown): {
  code: string;
  message: string;
  retryable: boolean;
} {
  if (error instanceof HubError)
    return { code: error.code, message: error.message, retryable: error.retryable };
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'UNCLASSIFIED_ERROR', message, retryable: true };
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
