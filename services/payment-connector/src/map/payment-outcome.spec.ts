import { describe, expect, it } from 'vitest';
import { outcomeOf, paymentMethodOf } from './payment-outcome.js';

describe('outcomeOf', () => {
  it.each([
    [{ transactionId: 't', status: 'INITIAL' as const }, { kind: 'open' }],
    [
      { transactionId: 't', status: 'PAYED' as const, paymentMethod: 'CREDITCARD' },
      { kind: 'settled', paymentMethod: 'CREDIT_CARD' },
    ],
    [
      { transactionId: 't', status: 'FAILED' as const },
      { kind: 'failed', reason: 'DECLINED' },
    ],
    [
      { transactionId: 't', status: 'CANCELED' as const },
      { kind: 'failed', reason: 'CANCELLED' },
    ],
  ])('given %o, the hub outcome is %o', (state, expected) => {
    expect(outcomeOf(state)).toEqual(expected);
  });
});

describe('paymentMethodOf', () => {
  it.each([
    ['PAYPAL', 'PAYPAL'],
    ['creditcard', 'CREDIT_CARD'],
    ['SEPA-DIRECT-DEBIT', 'SEPA_DIRECT_DEBIT'],
    ['GIROPAY', 'GIROPAY'],
    ['BITCOIN', 'OTHER'],
    [undefined, 'OTHER'],
  ])('maps the provider name %s to %s', (name, expected) => {
    expect(paymentMethodOf(name)).toBe(expected);
  });
});
