import { describe, expect, it } from 'vitest';
import { examples } from '@hub/contracts';
import { paymentRequestIdFor } from '@hub/xbezahldienste';
import { toCreateTransaction } from './to-create-transaction.js';

const urls = {
  returnUrl: 'https://hub.example/payments/return/p-1',
  notificationUrl: 'https://hub.example/payments/notifications',
};

describe('toCreateTransaction', () => {
  const requested = examples['payment/payment-requested'];

  it('derives the requestId from the payment id, so every retry names the same transaction', () => {
    const first = toCreateTransaction(requested, urls);
    const again = toCreateTransaction({ ...requested, requestedAt: new Date(0) }, urls);
    expect(first.requestId).toBe(paymentRequestIdFor(requested.paymentId));
    expect(again.requestId).toBe(first.requestId);
  });

  it('sends the amount as a two-place decimal in one fee position with booking keys', () => {
    const input = toCreateTransaction(
      { ...requested, amount: { amount: '62.50', currency: 'EUR' } },
      urls,
    );
    expect(input).toMatchObject({
      amount: '62.50',
      currency: 'EUR',
      purpose: requested.purpose,
      redirectUrl: urls.returnUrl,
      notificationUrl: urls.notificationUrl,
      items: [
        {
          reference: requested.serviceKey,
          quantity: 1,
          totalAmount: '62.50',
          bookingData: {
            serviceKey: requested.serviceKey,
            municipalityKey: requested.municipalityKey,
          },
        },
      ],
    });
  });
});
