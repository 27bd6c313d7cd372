import { describe, expect, it } from 'vitest';
import { CapacityGate } from './capacity-gate.js';

describe('CapacityGate', () => {
  it('wakes every waiting partition loop when a slot is freed, not only the last one', async () => {
    const gate = new CapacityGate();
    const woken: string[] = [];
    const loops = ['p0', 'p1', 'p2'].map((partition) =>
      gate.wait(60_000).then(() => woken.push(partition)),
    );

    gate.open();
    await Promise.all(loops);

    expect(woken.sort()).toEqual(['p0', 'p1', 'p2']);
    expect(gate.waiting).toBe(0);
  });

  it('lets a waiter go after its timeout when no slot is freed', async () => {
    const gate = new CapacityGate();

    await gate.wait(1);

    expect(gate.waiting).toBe(1);
    gate.open();
    expect(gate.waiting).toBe(0);
  });
});
