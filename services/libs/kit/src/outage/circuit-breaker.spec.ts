import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';

const settings = { failureThreshold: 3, initialProbeDelayMs: 1_000, maxProbeDelayMs: 4_000 };

function failTimes(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) breaker.failed();
}

describe('CircuitBreaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays closed below the threshold and after a success in between', () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 2);
    breaker.succeeded();
    failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
    expect(breaker.admit()).toBe(true);
  });

  it('opens after the threshold of failures in a row and admits nothing until the probe delay', () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 3);
    expect(breaker.state).toBe('open');
    expect(breaker.admit()).toBe(false);
    vi.advanceTimersByTime(999);
    expect(breaker.admit()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.admit()).toBe(true);
    expect(breaker.admit()).toBe(false);
  });

  it('doubles the probe delay after each failed probe, up to the maximum', () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 3);
    const reopenAfter = [1_000, 2_000, 4_000, 4_000];
    for (const delay of reopenAfter) {
      vi.advanceTimersByTime(delay - 1);
      expect(breaker.state).toBe('open');
      vi.advanceTimersByTime(1);
      expect(breaker.admit()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('open');
  });

  it('gives the probe to one waiter, then wakes every waiter when the probe succeeds', async () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 3);
    const signal = new AbortController().signal;
    const woken: number[] = [];
    const turns = [1, 2, 3].map((n) =>
      breaker.waitForTurn(signal).then((turn) => {
        woken.push(n);
        return turn;
      }),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(woken).toEqual([1]);
    expect(breaker.admit()).toBe(true);
    breaker.succeeded();
    await Promise.all(turns);
    expect(woken).toEqual([1, 2, 3]);
    expect(breaker.state).toBe('closed');
  });

  it('hands the probe on when a waiter ends its turn without calling the endpoint', async () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 3);
    const signal = new AbortController().signal;
    const first = breaker.waitForTurn(signal);
    let secondWoken = false;
    void breaker.waitForTurn(signal).then(() => (secondWoken = true));
    await vi.advanceTimersByTimeAsync(1_000);
    (await first)?.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(secondWoken).toBe(true);
    expect(breaker.state).toBe('half-open');
  });

  it('lets a waiter go at shutdown without a turn', async () => {
    const breaker = new CircuitBreaker('xta:443', settings);
    failTimes(breaker, 3);
    const controller = new AbortController();
    const waiting = breaker.waitForTurn(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect(breaker.waiting).toBe(0);
  });
});
