// Generated from contracts/schemas/payment/payment-requested.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Money } from '../common/money.js';

/**
 * Command to the payment connector: collect the fee of an application through the payment provider.
 */
export interface PaymentRequested {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * The hub's id of the payment, stable across retries (the XBezahldienste requestId derives from it).
   */
  readonly paymentId: string;
  /**
   * When the case router asked for the payment (UTC).
   */
  readonly requestedAt: Date;
  /**
   * The amount to collect.
   */
  readonly amount: Money;
  /**
   * Purpose shown to the citizen and on the statement (Verwendungszweck); never personal data.
   */
  readonly purpose: string;
  /**
   * LeiKa service key; selects the cash office account (Bewirtschafter, Haushaltsstelle).
   */
  readonly serviceKey: string;
  /**
   * AGS of the municipality that receives the payment.
   */
  readonly municipalityKey: string;
}
