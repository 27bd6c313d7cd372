import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { noteOutboundFailure, OutboundBreakers } from '../outage/outbound-breakers.js';
import { attempt } from './attempts.js';

const fast = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 2 };
const hooks = (signal = new AbortController().signal) => ({
  signal,
  onRetry: () => undefined,
  waitOutOutage: () => Promise.resolve(undefined),
});

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

describe('attempt during an outage', () => {
  it('waits for the endpoint instead of spending the budget, then succeeds', async () => {
    const breakers = new OutboundBreakers();
    breakers.configure({ failureThreshold: 1 });
    const xta = breakers.of('xta.example:443');
    let calls = 0;
    const waits: Date[] = [];
    const outcome = await attempt(
      () => {
        calls++;
        if (calls <= 10) {
          xta.failed();
          noteOutboundFailure(xta);
          return Promise.reject(new HubError('NETWORK_TRANSIENT', 'refused', { retryable: true }));
        }
        return Promise.resolve();
      },
      fast,
      {
        ...hooks(),
        waitOutOutage: (breaker, since) => {
          expect(breaker).toBe(xta);
          waits.push(since);
          return Promise.resolve({ end: () => undefined });
        },
      },
    );
    expect(outcome).toEqual({ kind: 'succeeded', attempts: 11 });
    expect(waits).toHaveLength(10);
    expect(new Set(waits.map((since) => since.getTime())).size).toBe(1);
  });

  it('still fails at once on a fatal error of an endpoint that is down', async () => {
    const breakers = new OutboundBreakers();
    breakers.configure({ failureThreshold: 1 });
    const xta = breakers.of('xta.example:443');
    xta.failed();
    const outcome = await attempt(
      () => {
        noteOutboundFailure(xta);
        return Promise.reject(new HubError('XOEV_INVALID', 'schema', { retryable: false }));
      },
      fast,
      hooks(),
    );
    expect(outcome).toMatchObject({ kind: 'failed', failure: { code: 'XOEV_INVALID' } });
  });

  it('waits out an unreachable database on its circuit instead of dead-lettering', async () => {
    const breakers = new OutboundBreakers();
    breakers.configure({ failureThreshold: 2 });
    const database = breakers.of('database');
    let calls = 0;
    const waits: string[] = [];
    const outcome = await attempt(
      () => {
        calls++;
        if (calls <= 10)
          return Promise.reject(
            Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }),
          );
        return Promise.resolve();
      },
      fast,
      {
        ...hooks(),
        database,
        waitOutOutage: (breaker) => {
          waits.push(breaker.endpoint);
          return Promise.resolve({ end: () => undefined });
        },
      },
    );
    // Two attempts spent before the circuit opened (fast allows three), then waits, not attempts.
    expect(outcome).toEqual({ kind: 'succeeded', attempts: 11 });
    expect(waits).toEqual(Array(9).fill('database'));
    expect(database.state).toBe('closed');
  });

  it('still dead-letters a statement the database refuses on its merits', async () => {
    const breakers = new OutboundBreakers();
    const outcome = await attempt(
      () => Promise.reject(Object.assign(new Error('syntax error'), { code: '42601' })),
      fast,
      { ...hooks(), database: breakers.of('database') },
    );
    expect(outcome).toMatchObject({ kind: 'failed', failure: { attempts: fast.maxAttempts } });
  });
});
