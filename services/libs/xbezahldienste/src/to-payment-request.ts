import { amountToCents, amountToWire, isDecimalAmount } from './amount.js';
import { paymentError } from './payment-errors.js';
import type { CreateTransactionInput } from './types.js';
import type { WirePaymentRequest } from './wire.js';

/**
 * PURE: hub input → XBezahldienste PaymentRequest. Refuses what every provider would refuse (a
 * malformed amount, items that do not add up) before anything is sent.
 */
export function toPaymentRequest(
  input: CreateTransactionInput,
  paymentMethods: readonly string[],
  requestTimestamp: Date,
): WirePaymentRequest {
  for (const amount of [input.amount, ...input.items.map((item) => item.totalAmount)]) {
    if (!isDecimalAmount(amount)) {
      throw paymentError(
        'PAYMENT_REQUEST_INVALID',
        `amount '${amount}' is not a decimal like 12.50`,
      );
    }
  }
  if (input.items.length === 0) {
    throw paymentError('PAYMENT_REQUEST_INVALID', 'a payment needs at least one item');
  }
  const itemCents = input.items.reduce((sum, item) => sum + amountToCents(item.totalAmount), 0);
  if (itemCents !== amountToCents(input.amount)) {
    throw paymentError('PAYMENT_REQUEST_INVALID', 'the items do not add up to the amount');
  }
  return {
    requestId: input.requestId,
    requestTimestamp: requestTimestamp.toISOString(),
    currency: input.currency,
    grosAmount: amountToWire(input.amount),
    purpose: input.purpose,
    ...(input.description === undefined ? {} : { description: input.description }),
    redirectUrl: input.redirectUrl,
    ...(input.notificationUrl === undefined ? {} : { notificationUrl: input.notificationUrl }),
    paymentMethods: [...paymentMethods],
    items: input.items.map((item, index) => ({
      id: String(index + 1),
      reference: item.reference,
      description: item.description,
      quantity: item.quantity,
      taxRate: 0,
      totalNetAmount: amountToWire(item.totalAmount),
      totalTaxAmount: 0,
      ...(item.bookingData === undefined ? {} : { bookingData: { ...item.bookingData } }),
    })),
  };
}
