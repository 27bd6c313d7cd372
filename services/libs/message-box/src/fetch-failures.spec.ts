import { HubError } from '@hub/errors';
import { describe, expect, it } from 'vitest';
import { FetchFailures } from './fetch-failures.js';

const timeout = new HubError('XTA_TIMEOUT', 'no answer', { retryable: true });
const tooLarge = new HubError('XML_TOO_LARGE', 'too large', { retryable: false });

describe('FetchFailures', () => {
  it('given retryable failures, when the budget is spent, then it gives up on that message only', () => {
    const failures = new FetchFailures(3);

    const decisions = [1, 2, 3].map(() => failures.giveUp('a', timeout));

    expect(decisions).toEqual([false, false, true]);
    expect(failures.giveUp('b', timeout)).toBe(false);
  });

  it('given a non-retryable failure, when recorded, then it gives up at once', () => {
    expect(new FetchFailures(5).giveUp('a', tooLarge)).toBe(true);
  });

  it('given a plain error, when recorded, then it counts as retryable', () => {
    expect(new FetchFailures(2).giveUp('a', new TypeError('socket hang up'))).toBe(false);
  });

  it('given a forgotten message, when it fails again, then it has a fresh budget', () => {
    const failures = new FetchFailures(2);
    failures.giveUp('a', timeout);

    failures.forget('a');

    expect(failures.attemptsOf('a')).toBe(0);
    expect(failures.giveUp('a', timeout)).toBe(false);
  });
});
