import { describe, expect, it } from 'vitest';
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
});
