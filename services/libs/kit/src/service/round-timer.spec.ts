import { describe, expect, it, vi } from 'vitest';
import { eventually } from '@hub/polling';
import { silentLogger } from '../observability/logger.js';
import { RoundTimer } from './round-timer.js';

describe('RoundTimer', () => {
  it('never runs two rounds at once, whether started by the timer or by runNow', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const timer = new RoundTimer(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        rounds += 1;
        return rounds;
      },
      { intervalMs: 1, logger: silentLogger, onFailure: 'round failed' },
    );
    timer.start();
    await Promise.all([timer.runNow(), timer.runNow(), timer.runNow()]);
    await eventually(() => (rounds >= 6 ? true : undefined), { timeoutMs: 5_000, what: 'rounds' });
    await timer.stop();
    const after = rounds;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(most).toBe(1);
    expect(rounds).toBe(after);
  });

  it('keeps going after a failed round', async () => {
    let calls = 0;
    const timer = new RoundTimer(
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(calls);
      },
      { intervalMs: 1, logger: silentLogger, onFailure: 'round failed' },
    );
    timer.start();
    await eventually(() => (calls >= 3 ? true : undefined), { timeoutMs: 5_000, what: 'rounds' });
    await timer.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('starts the next round at once while a round says more is waiting, else after the pause', async () => {
    const backlog = [10, 10, 10, 3];
    const startedAt: number[] = [];
    const timer = new RoundTimer(
      () => {
        startedAt.push(Date.now());
        return Promise.resolve(backlog.shift() ?? 0);
      },
      {
        intervalMs: 300,
        logger: silentLogger,
        onFailure: 'round failed',
        moreWaiting: (taken) => taken >= 10,
      },
    );
    vi.useFakeTimers();
    try {
      timer.start();
      await vi.advanceTimersByTimeAsync(700);
      await timer.stop();
    } finally {
      vi.useRealTimers();
    }
    const gaps = startedAt.slice(1).map((at, index) => at - (startedAt[index] ?? 0));
    // Three full rounds are followed at once (a zero timeout, 1 ms on fake timers); the partial
    // fourth waits the pause.
    expect(gaps).toEqual([1, 1, 1, 300]);
  });
});
