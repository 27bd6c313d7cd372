import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('FaultInjector', () => {
  it('fails exactly the next N calls with the configured status', () => {
    const faults = new FaultInjector({ failNextCalls: 2, failStatus: 500 });
    expect([faults.takeFailure(), faults.takeFailure(), faults.takeFailure()]).toEqual([
      500,
      500,
      undefined,
    ]);
  });

  it('times out exactly the next N creates', () => {
    const faults = new FaultInjector({ timeoutNextCreates: 1 });
    expect([faults.takeCreateTimeout(), faults.takeCreateTimeout()]).toEqual([true, false]);
  });

  it('replaces the whole set, so {} clears every fault', () => {
    const faults = new FaultInjector({ stuckAtInitial: true, latencyMs: 50 });
    expect(faults.replace({})).toMatchObject({ stuckAtInitial: false, latencyMs: 0 });
  });

  it('refuses unknown fault names instead of ignoring a typo', () => {
    const faults = new FaultInjector();
    expect(() => faults.replace({ stuckAtIntial: true } as never)).toThrow();
  });
});
