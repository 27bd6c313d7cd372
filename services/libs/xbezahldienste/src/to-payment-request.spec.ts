import { HubError } from '@hub/errors';
import { describe, expect, it } from 'vitest';
import { toPaymentRequest } from './to-payment-request.js';
import type { CreateTransactionInput } from './types.js';
import { wirePaymentRequestSchema } from './wire.js';

const input: CreateTransactionInput = {
  requestId: '2a8733cc-18ce-5bc7-99b5-f5ec232fe56a',
  amount: '62.50',
  currency: 'EUR',
  purpose: 'Baugenehmigung BG-2026-0042',
  items: [
    { reference: 'GEB-1', description: 'Grundgebühr', quantity: 1, totalAmount: '50.00' },
    {
      reference: 'GEB-2',
      description: 'Auslagen',
      quantity: 5,
      totalAmount: '12.50',
      bookingData: { haushaltsstelle: '1.6300.1100' },
    },
  ],
  redirectUrl: 'https://portal.example/payments/return?ref=abc',
  notificationUrl: 'https://hub.example/payments/notifications',
};
const at = new Date('2026-11-24T10:00:00.000Z');

describe('toPaymentRequest', () => {
  it('maps the hub input to an XBezahldienste PaymentRequest', () => {
    expect(toPaymentRequest(input, ['CREDITCARD', 'PAYPAL'], at)).toEqual({
      requestId: '2a8733cc-18ce-5bc7-99b5-f5ec232fe56a',
      requestTimestamp: '2026-11-24T10:00:00.000Z',
      currency: 'EUR',
      grosAmount: 62.5,
      purpose: 'Baugenehmigung BG-2026-0042',
      redirectUrl: 'https://portal.example/payments/return?ref=abc',
      notificationUrl: 'https://hub.example/payments/notifications',
      paymentMethods: ['CREDITCARD', 'PAYPAL'],
      items: [
        {
          id: '1',
          reference: 'GEB-1',
          description: 'Grundgebühr',
          quantity: 1,
          taxRate: 0,
          totalNetAmount: 50,
          totalTaxAmount: 0,
        },
        {
          id: '2',
          reference: 'GEB-2',
          description: 'Auslagen',
          quantity: 5,
          taxRate: 0,
          totalNetAmount: 12.5,
          totalTaxAmount: 0,
          bookingData: { haushaltsstelle: '1.6300.1100' },
        },
      ],
    });
  });

  it('produces what the wire schema (and so the simulator) accepts', () => {
    expect(wirePaymentRequestSchema.safeParse(toPaymentRequest(input, ['X'], at)).success).toBe(
      true,
    );
  });

  it.each([
    [{ ...input, amount: '62.5' }, /not a decimal/],
    [{ ...input, amount: '62.51' }, /do not add up/],
    [{ ...input, items: [] }, /at least one item/],
  ])('refuses invalid input before sending (%#)', (bad, message) => {
    const attempt = () => toPaymentRequest(bad, ['X'], at);
    expect(attempt).toThrow(HubError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'PAYMENT_REQUEST_INVALID', retryable: false });
    }
  });
});
