import { HubError } from '@hub/errors';
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
}

/**
 * Tries `task` until it succeeds, throws a non-retryable error, or the policy's attempts are
 * spent. A plain Error counts as retryable: only the thrower can say that trying again is useless.
 */
export async function attempt(
  task: (attemptNumber: number) => Promise<void>,
  policy: RetryPolicy,
  hooks: AttemptHooks,
): Promise<AttemptsOutcome> {
  let firstFailureAt: Date | undefined;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      await task(attemptNumber);
      return { kind: 'succeeded', attempts: attemptNumber };
    } catch (error) {
      const now = new Date();
      firstFailureAt ??= now;
      const { code, message, retryable } = describeError(error);
      if (!retryable || attemptNumber >= policy.maxAttempts) {
        return {
          kind: 'failed',
          failure: { code, message, attempts: attemptNumber, firstFailureAt, lastFailureAt: now },
        };
      }
      const delayMs = backoffDelayMs(policy, attemptNumber);
      hooks.onRetry(error, attemptNumber, delayMs);
      if (!(await sleep(delayMs, hooks.signal))) return { kind: 'abandoned' };
    }
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
