import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { attempt } from './attempts.js';

const fast = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 };
const hooks = (signal = new AbortController().signal) => ({ signal, onRetry: () => undefined });

describe('attempt', () => {
  it('retries a plain error until it succeeds', async () => {
    let calls = 0;
    const outcome = await attempt(
      () => (++calls < 3 ? Promise.reject(new TypeError('flaky')) : Promise.resolve()),
      fast,
      hooks(),
    );
    expect(outcome).toEqual({ kind: 'succeeded', attempts: 3 });
  });

  it('fails after the budget with the code, message and attempts of the last error', async () => {
    const outcome = await attempt(
      () => Promise.reject(new HubError('XTA_DOWN', 'xta unavailable', { retryable: true })),
      fast,
      hooks(),
    );
    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { code: 'XTA_DOWN', message: 'xta unavailable', attempts: 3 },
    });
  });

  it('gives up at once on a non-retryable error', async () => {
    const outcome = await attempt(
      () => Promise.reject(new HubError('BAD_INPUT', 'no', { retryable: false })),
      fast,
      hooks(),
    );
    expect(outcome).toMatchObject({ kind: 'failed', failure: { attempts: 1 } });
  });

  it('abandons the record when shutdown comes during the backoff', async () => {
    const controller = new AbortController();
    const outcome = await attempt(
      () => {
        controller.abort();
        return Promise.reject(new TypeError('flaky'));
      },
      { ...fast, initialDelayMs: 60_000, maxDelayMs: 60_000 },
      hooks(controller.signal),
    );
    expect(outcome).toEqual({ kind: 'abandoned' });
  });
});
