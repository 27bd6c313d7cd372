import { describe, expect, it } from 'vitest';
import { onDelivered, onSubmitted } from './case-decisions.js';
import { numberSteps } from './citizen-timeline.js';
import { onStatusReported } from './status-decisions.js';
import { delivery, freeRoute, settings, status, withoutFee } from '../test/case-fixtures.js';

describe('the citizen timeline has one order', () => {
  it('given steps already published, when a decision adds two, then they continue the sequence in the order decided', () => {
    const submitted = onSubmitted(withoutFee, freeRoute, settings);
    const first = numberSteps(submitted.next, submitted.citizen);
    const receipt = onStatusReported(first.next, status('RECEIPT', '2026-11-24T10:05:00Z'));
    const second = numberSteps(receipt.next, receipt.citizen);
    expect(first.changes.map((c) => [c.sequence, c.state])).toEqual([[1, 'SUBMITTED']]);
    expect(second.changes.map((c) => [c.sequence, c.statusText])).toEqual([
      [2, 'Ihr Antrag wurde der zuständigen Behörde zugestellt.'],
      [3, 'Bauaufsicht: Status RECEIPT'],
    ]);
    expect(second.next).toMatchObject({ citizenSequence: 3, citizenState: 'RECEIVED' });
  });

  it('given a late status older than the current one, when it is numbered, then it comes last in the sequence with the current state', () => {
    const submitted = onSubmitted(withoutFee, freeRoute, settings);
    let current = numberSteps(submitted.next, submitted.citizen).next;
    const delivered = onDelivered(current, delivery);
    current = numberSteps(delivered.next, delivered.citizen).next;
    const decided = onStatusReported(current, status('10', '2026-11-30T09:00:00Z'));
    current = numberSteps(decided.next, decided.citizen).next;
    const late = onStatusReported(current, status('RECEIPT', '2026-11-25T09:00:00Z'));
    expect(numberSteps(late.next, late.citizen).changes).toMatchObject([
      { sequence: 4, state: 'COMPLETED', changedAt: new Date('2026-11-25T09:00:00Z') },
    ]);
  });

  it('given a decision without steps, when it is numbered, then the sequence and the citizen state stay', () => {
    const submitted = onSubmitted(withoutFee, freeRoute, settings);
    const first = numberSteps(submitted.next, submitted.citizen).next;
    expect(numberSteps(first, [])).toEqual({ next: first, changes: [] });
  });
});
