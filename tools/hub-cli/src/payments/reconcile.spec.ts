import { describe, expect, it } from 'vitest';
import { reconcile, type CaseRow, type PaymentRow } from './reconcile.js';

const payment = (
  applicationId: string,
  state: string,
  paymentId = `${applicationId}-p`,
): PaymentRow => ({
  applicationId,
  paymentId,
  state,
  amount: '62.50',
  providerTransactionId: `${paymentId}-t`,
});
const fee = (applicationId: string, state: string): CaseRow => ({
  applicationId,
  state,
  feeDue: true,
});

describe('reconcile', () => {
  it('counts payments by state and finds nothing wrong in a paid and delivered application', () => {
    const report = reconcile(
      [payment('a', 'SETTLED'), payment('b', 'LINK_ISSUED')],
      [fee('a', 'DELIVERED'), fee('b', 'AWAITING_PAYMENT')],
    );
    expect(report).toEqual({ byState: { SETTLED: 1, LINK_ISSUED: 1 }, mismatches: [] });
  });

  it('flags paid but not delivered, delivered but not paid, and paid twice', () => {
    const report = reconcile(
      [
        payment('paid', 'SETTLED'),
        payment('twice', 'SETTLED', 'x'),
        payment('twice', 'SETTLED', 'y'),
        payment('unpaid', 'FAILED'),
      ],
      [
        fee('paid', 'AWAITING_PAYMENT'),
        fee('twice', 'COMPLETED'),
        fee('unpaid', 'IN_PROCEDURE'),
        { applicationId: 'free', state: 'DELIVERED', feeDue: false },
      ],
    );
    expect(report.mismatches.map((m) => [m.applicationId, m.kind])).toEqual([
      ['paid', 'PAID_NOT_DELIVERED'],
      ['twice', 'PAID_TWICE'],
      ['unpaid', 'DELIVERED_NOT_PAID'],
    ]);
  });

  it('does not count a refunded payment as paid', () => {
    expect(reconcile([payment('r', 'REFUNDED')], [fee('r', 'REJECTED')]).mismatches).toEqual([]);
  });
});
