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

  it('fails every call before failUntil and none from that instant on, without using up failNextCalls', () => {
    const faults = new FaultInjector({ failUntil: 1_000, failNextCalls: 1 });
    expect([faults.takeFailure(0), faults.takeFailure(999)]).toEqual([503, 503]);
    expect([faults.takeFailure(1_000), faults.takeFailure(1_001)]).toEqual([503, undefined]);
  });

  it('refuses a failUntil that is not a whole Unix millisecond', () => {
    const faults = new FaultInjector();
    expect(() => faults.replace({ failUntil: -1 })).toThrow();
    expect(() => faults.replace({ failUntil: 1.5 })).toThrow();
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
