export { XBezahldiensteClient, type XBezahldiensteClientOptions } from './xbezahldienste-client.js';
export {
  DEFAULT_SIGNATURE_HEADER,
  DEFAULT_TIMESTAMP_HEADER,
  parseProviderProfile,
  providerProfileSchema,
  type NotificationSignatureConfig,
  type ProviderAuth,
  type ProviderProfile,
  type ProviderProfileInput,
} from './provider-profile.js';
export { paymentRequestIdFor, PAYMENT_REQUEST_ID_NAMESPACE } from './request-id.js';
export {
  signNotification,
  verifyNotificationSignature,
  type SignatureVerdict,
  type SignedNotification,
} from './notification-signature.js';
export { PAYMENT_ERRORS, type PaymentErrorCode } from './payment-errors.js';
export {
  amountFromWire,
  amountToCents,
  amountToWire,
  centsToAmount,
  isDecimalAmount,
} from './amount.js';
export { transactionPath, transactionsPath, type ProviderAccount } from './paths.js';
export * from './types.js';
export {
  PAYMENT_STATUSES,
  paymentStatusSchema,
  wireNotificationSchema,
  wirePaymentRequestSchema,
  wirePaymentTransactionSchema,
  wireRefundRequestSchema,
  wireRefundSchema,
  type WireNotification,
  type WirePaymentItem,
  type WirePaymentRequest,
  type WirePaymentTransaction,
  type WireRefund,
  type WireRefundRequest,
} from './wire.js';
