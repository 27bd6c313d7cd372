import type { WirePaymentRequest } from '@hub/xbezahldienste';
import { describe, expect, it } from 'vitest';
import { TransactionStore } from './transaction-store.js';

const account = { originatorId: 'musterstadt', endpointId: 'bauamt' };
const now = new Date('2026-11-24T10:00:00.000Z');
const request: WirePaymentRequest = {
  requestId: 'req-1',
  requestTimestamp: now.toISOString(),
  currency: 'EUR',
  grosAmount: 25,
  purpose: 'Gebühr',
  redirectUrl: 'https://portal.example/return',
  items: [{ id: '1', description: 'Gebühr', quantity: 1, totalNetAmount: 25, totalTaxAmount: 0 }],
};

function paidTransaction(store: TransactionStore) {
  const outcome = store.create(account, request, now);
  if (outcome.kind === 'conflict') throw new TypeError('unexpected conflict');
  store.conclude(outcome.transaction, 'PAYED', now, 'CREDITCARD');
  return outcome.transaction;
}

describe('TransactionStore', () => {
  it('creates one transaction per requestId, however often it is sent', () => {
    const store = new TransactionStore();
    const first = store.create(account, request, now);
    const retry = store.create(
      account,
      { ...request, requestTimestamp: '2026-11-24T10:00:05.000Z' },
      now,
    );
    expect(first.kind).toBe('created');
    expect(retry.kind).toBe('existing');
    expect(store.size).toBe(1);
  });

  it('refuses a reused requestId with another amount', () => {
    const store = new TransactionStore();
    store.create(account, request, now);
    expect(store.create(account, { ...request, grosAmount: 30 }, now).kind).toBe('conflict');
    expect(store.size).toBe(1);
  });

  it('keeps the same requestId apart under another endpoint', () => {
    const store = new TransactionStore();
    store.create(account, request, now);
    store.create({ ...account, endpointId: 'standesamt' }, request, now);
    expect(store.size).toBe(2);
  });

  it('does not find a transaction under another account', () => {
    const store = new TransactionStore();
    const transaction = paidTransaction(store);
    expect(store.find(account, transaction.transactionId)).toBe(transaction);
    expect(
      store.find({ ...account, originatorId: 'nachbarstadt' }, transaction.transactionId),
    ).toBeUndefined();
  });

  it('concludes a transaction once: a second outcome is ignored', () => {
    const store = new TransactionStore();
    const transaction = paidTransaction(store);
    expect(store.conclude(transaction, 'FAILED', now)).toBe(false);
    expect(transaction.status).toBe('PAYED');
  });

  it('refunds once per requestId and never more than was paid', () => {
    const store = new TransactionStore();
    const transaction = paidTransaction(store);
    expect(store.refund(transaction, 'refund-1', 1000).kind).toBe('refunded');
    expect(store.refund(transaction, 'refund-1', 1000).kind).toBe('existing');
    expect(store.refund(transaction, 'refund-2', 1501)).toEqual({
      kind: 'conflict',
      reason: 'refund exceeds the amount paid',
    });
    expect(store.refund(transaction, 'refund-2', 1500).kind).toBe('refunded');
    expect(transaction.refunds).toHaveLength(2);
  });

  it('does not refund an unpaid transaction', () => {
    const store = new TransactionStore();
    const outcome = store.create(account, request, now);
    if (outcome.kind === 'conflict') throw new TypeError('unexpected conflict');
    expect(store.refund(outcome.transaction, 'refund-1', 100).kind).toBe('conflict');
  });
});
