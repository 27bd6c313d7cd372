import type { PaymentRequested } from '@hub/contracts';
import { paymentRequestIdFor, type CreateTransactionInput } from '@hub/xbezahldienste';

export interface PaymentUrls {
  /** Where the pay page sends the citizen back: our return endpoint, which only triggers a check. */
  readonly returnUrl: string;
  readonly notificationUrl: string;
}

/**
 * PaymentRequested → XBezahldienste PaymentRequest (PURE).
 * The requestId derives from the paymentId, which the case router keeps stable per application:
 * a retry, a redelivery and even a second request event for the same payment all name the same
 * transaction at the provider.
 *   PaymentRequest.requestId      ← UUIDv5(paymentId)
 *   PaymentRequest.grosAmount     ← amount.amount ('62.50', two places)
 *   PaymentRequest.purpose        ← purpose (Verwendungszweck, no personal data)
 *   PaymentRequest.items[0]       ← one fee position; reference = LeiKa service key, booking data
 *                                   = service key + municipality key (selects the cash account)
 *   PaymentRequest.redirectUrl    ← the connector's return endpoint for this payment
 */
export function toCreateTransaction(
  requested: PaymentRequested,
  urls: PaymentUrls,
): CreateTransactionInput {
  return {
    requestId: requestIdOf(requested.paymentId),
    amount: requested.amount.amount,
    currency: 'EUR',
    purpose: requested.purpose.slice(0, 140),
    items: [
      {
        reference: requested.serviceKey,
        description: requested.purpose.slice(0, 250),
        quantity: 1,
        totalAmount: requested.amount.amount,
        bookingData: {
          serviceKey: requested.serviceKey,
          municipalityKey: requested.municipalityKey,
        },
      },
    ],
    redirectUrl: urls.returnUrl,
    notificationUrl: urls.notificationUrl,
  };
}

export function requestIdOf(paymentId: string): string {
  return paymentRequestIdFor(paymentId);
}
