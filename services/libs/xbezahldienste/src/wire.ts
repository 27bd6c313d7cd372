import { z } from 'zod';

/**
 * The XBezahldienste 1.x JSON shapes as this hub speaks them (see docs/adr/0007). Modelled on the
 * FITKO standard's PaymentRequest / PaymentTransaction; fields marked "hub extension" are not in the
 * parts of the standard we could confirm and are ignored by providers that do not know them.
 * The simulator validates incoming requests with the same schemas, so client and simulator cannot
 * drift apart.
 */
export const PAYMENT_STATUSES = ['INITIAL', 'PAYED', 'FAILED', 'CANCELED'] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

const money = z.number().nonnegative().max(999_999_999.99);

/** PaymentRequest.items[]: one fee position; municipal fees carry no VAT, so tax is usually 0. */
export const wirePaymentItemSchema = z.looseObject({
  id: z.string().min(1).max(36),
  reference: z.string().max(64).optional(),
  description: z.string().min(1).max(250),
  quantity: z.number().int().positive(),
  taxRate: z.number().nonnegative().optional(),
  singleNetAmount: money.optional(),
  singleTaxAmount: money.optional(),
  totalNetAmount: money,
  totalTaxAmount: money,
  bookingData: z.record(z.string(), z.string()).optional(),
});
export type WirePaymentItem = z.infer<typeof wirePaymentItemSchema>;

/** PaymentRequest: the body of `POST paymenttransaction/{originatorId}/{endpointId}`. */
export const wirePaymentRequestSchema = z.looseObject({
  requestId: z.string().min(1).max(36),
  requestTimestamp: z.iso.datetime(),
  currency: z.literal('EUR'),
  grosAmount: money,
  purpose: z.string().min(1).max(140),
  description: z.string().max(250).optional(),
  redirectUrl: z.url(),
  /** hub extension: where the provider posts status-change notifications. */
  notificationUrl: z.url().optional(),
  /** hub extension: the payment methods the pay page may offer, from the provider profile. */
  paymentMethods: z.array(z.string().min(1)).optional(),
  items: z.array(wirePaymentItemSchema).min(1),
});
export type WirePaymentRequest = z.infer<typeof wirePaymentRequestSchema>;

/** PaymentInformation: what the provider knows about the transaction. */
export const wirePaymentInformationSchema = z.looseObject({
  transactionId: z.string().min(1),
  /** The pay page the citizen is sent to. */
  transactionUrl: z.url().optional(),
  transactionReference: z.string().optional(),
  transactionTimestamp: z.string().optional(),
  paymentMethod: z.string().optional(),
  paymentMethodDetail: z.string().optional(),
  status: paymentStatusSchema,
  statusDetail: z.string().optional(),
});

/** PaymentTransaction: the answer of POST (create) and GET (status). */
export const wirePaymentTransactionSchema = z.looseObject({
  paymentRequest: z.looseObject({ requestId: z.string(), grosAmount: money }).optional(),
  paymentInformation: wirePaymentInformationSchema,
});
export type WirePaymentTransaction = z.infer<typeof wirePaymentTransactionSchema>;

/** hub extension: body of `POST …/{transactionId}/refund`. */
export const wireRefundRequestSchema = z.looseObject({
  requestId: z.string().min(1).max(36),
  amount: money,
  reason: z.string().max(140).optional(),
});
export type WireRefundRequest = z.infer<typeof wireRefundRequestSchema>;

/** hub extension: answer of `POST …/{transactionId}/refund`. */
export const wireRefundSchema = z.looseObject({
  refundId: z.string().min(1),
  requestId: z.string().min(1),
  transactionId: z.string().min(1),
  amount: money,
  status: z.literal('REFUNDED'),
});
export type WireRefund = z.infer<typeof wireRefundSchema>;

/** hub extension: body the provider posts to `notificationUrl`; it only says "look again". */
export const wireNotificationSchema = z.looseObject({
  originatorId: z.string(),
  endpointId: z.string(),
  transactionId: z.string().min(1),
  requestId: z.string().optional(),
  status: paymentStatusSchema.optional(),
});
export type WireNotification = z.infer<typeof wireNotificationSchema>;
