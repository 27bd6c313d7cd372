import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('KeyedQueue', () => {
  it('holds a later task of the same key until the earlier one ends, and lets other keys pass', async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    const slow = deferred();
    const first = queue.run('a', async () => {
      await slow.promise;
      order.push('a1');
    });
    const second = queue.run('a', () => {
      order.push('a2');
      return Promise.resolve();
    });
    await queue.run('b', () => {
      order.push('b1');
      return Promise.resolve();
    });
    expect(order).toEqual(['b1']);
    slow.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(queue.activeKeys).toBe(0);
  });

  it('keeps going after a task of the key failed', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new TypeError('boom')));
    const next = queue.run('a', () => Promise.resolve());
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBeUndefined();
  });
});
