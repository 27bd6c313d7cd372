import { describe, expect, it } from 'vitest';
import { OffsetTracker } from './offset-tracker.js';

describe('OffsetTracker', () => {
  it('commits nothing before the first record of the partition has finished', () => {
    const tracker = new OffsetTracker();
    tracker.begin('10');
    tracker.begin('11');
    tracker.finish('11');
    expect(tracker.committable()).toBeUndefined();
  });

  it('commits up to the lowest unfinished offset when later ones finish first', () => {
    const tracker = new OffsetTracker();
    for (const offset of ['10', '11', '12', '13']) tracker.begin(offset);
    tracker.finish('10');
    tracker.finish('12');
    tracker.finish('13');
    expect(tracker.committable()).toBe('11');
    expect(tracker.inFlight).toBe(3);
    tracker.finish('11');
    expect(tracker.committable()).toBe('14');
    expect(tracker.inFlight).toBe(0);
  });

  it('handles offsets beyond 2^53', () => {
    const tracker = new OffsetTracker();
    tracker.begin('9007199254740993');
    tracker.finish('9007199254740993');
    expect(tracker.committable()).toBe('9007199254740994');
  });
});
