import { describe, expect, it } from 'vitest';
import { backoffDelayMs, type RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 6, initialDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelayMs', () => {
  it('doubles per failed attempt between half and all of the exponential delay', () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(50);
    expect(backoffDelayMs(policy, 1, () => 1)).toBe(100);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(200);
    expect(backoffDelayMs(policy, 3, () => 1)).toBe(400);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelayMs(policy, 20, () => 1)).toBe(1_000);
  });
});
