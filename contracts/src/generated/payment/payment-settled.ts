// Generated from contracts/schemas/payment/payment-settled.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Money } from '../common/money.js';

/**
 * The provider confirmed (verified by a status query, not by the redirect) that the payment was made.
 */
export interface PaymentSettled {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * The hub's id of the payment, stable across retries (the XBezahldienste requestId derives from it).
   */
  readonly paymentId: string;
  /**
   * When the provider booked the payment (UTC).
   */
  readonly settledAt: Date;
  /**
   * The provider's id of the payment transaction.
   */
  readonly providerTransactionId: string;
  /**
   * The amount paid.
   */
  readonly amount: Money;
  /**
   * The payment method chosen on the pay page.
   */
  readonly paymentMethod: PaymentMethod;
}

/**
 * How the citizen paid.
 */
export type PaymentMethod =
  'CREDIT_CARD' | 'PAYPAL' | 'GIROPAY' | 'SEPA_DIRECT_DEBIT' | 'PAYDIRECT' | 'OTHER';
