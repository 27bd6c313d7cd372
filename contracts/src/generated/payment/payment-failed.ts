// Generated from contracts/schemas/payment/payment-failed.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The payment will not happen (declined, abandoned, expired); the case router decides what follows.
 */
export interface PaymentFailed {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * The hub's id of the payment, stable across retries (the XBezahldienste requestId derives from it).
   */
  readonly paymentId: string;
  /**
   * When the failure was established (UTC).
   */
  readonly failedAt: Date;
  /**
   * The classified reason.
   */
  readonly reason: PaymentFailureReason;
  /**
   * The provider's own explanation, for operators; contains no personal data.
   */
  readonly providerMessage: null | string;
}

/**
 * Why the payment failed.
 */
export type PaymentFailureReason =
  'DECLINED' | 'ABANDONED' | 'EXPIRED' | 'CANCELLED' | 'PROVIDER_ERROR' | 'UNKNOWN';
