// Generated from contracts/schemas/payment/payment-link-issued.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The provider created the payment transaction; the citizen can pay at the link.
 */
export interface PaymentLinkIssued {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * The hub's id of the payment, stable across retries (the XBezahldienste requestId derives from it).
   */
  readonly paymentId: string;
  /**
   * When the provider issued the link (UTC).
   */
  readonly issuedAt: Date;
  /**
   * The provider's id of the payment transaction (XBezahldienste transactionId).
   */
  readonly providerTransactionId: string;
  /**
   * The provider's pay page for this payment.
   */
  readonly paymentUrl: string;
  /**
   * When the link stops working; null when the provider sets no limit.
   */
  readonly expiresAt: null | Date;
}
