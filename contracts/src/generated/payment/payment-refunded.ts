// Generated from contracts/schemas/payment/payment-refunded.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Money } from '../common/money.js';

/**
 * A settled payment was paid back to the citizen, wholly or in part.
 */
export interface PaymentRefunded {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * The hub's id of the payment, stable across retries (the XBezahldienste requestId derives from it).
   */
  readonly paymentId: string;
  /**
   * The hub's id of the refund, stable across retries.
   */
  readonly refundId: string;
  /**
   * When the provider confirmed the refund (UTC).
   */
  readonly refundedAt: Date;
  /**
   * The amount paid back.
   */
  readonly amount: Money;
  /**
   * The reason for the refund.
   */
  readonly reason: RefundReason;
}

/**
 * Why the money went back.
 */
export type RefundReason =
  'APPLICATION_REJECTED' | 'APPLICATION_WITHDRAWN' | 'DUPLICATE_PAYMENT' | 'OTHER';
