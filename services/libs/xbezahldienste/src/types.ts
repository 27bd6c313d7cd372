import type { DecimalAmount } from './amount.js';
import type { PaymentStatus } from './wire.js';

export type { DecimalAmount } from './amount.js';
export type { PaymentStatus } from './wire.js';

/** One fee position. Municipal fees carry no VAT, so the amount is the gross amount. */
export interface PaymentItemInput {
  readonly reference: string;
  readonly description: string;
  readonly quantity: number;
  /** quantity × unit price, e.g. '12.50'. */
  readonly totalAmount: DecimalAmount;
  /** Accounting keys (Haushaltsstelle, Kassenzeichen, …) passed through to the provider. */
  readonly bookingData?: Readonly<Record<string, string>>;
}

export interface CreateTransactionInput {
  /** Deterministic per hub event: `paymentRequestIdFor(event.id)`. */
  readonly requestId: string;
  /** The sum of the items, e.g. '12.50'. */
  readonly amount: DecimalAmount;
  readonly currency: 'EUR';
  /** Verwendungszweck shown on the citizen's bank statement. */
  readonly purpose: string;
  readonly description?: string;
  readonly items: readonly PaymentItemInput[];
  /** Where the pay page sends the citizen back; the return itself proves nothing. */
  readonly redirectUrl: string;
  readonly notificationUrl?: string;
}

export interface CreatedTransaction {
  readonly transactionId: string;
  /** The pay page to hand to the citizen. */
  readonly payPageUrl: string;
  readonly status: PaymentStatus;
}

export interface TransactionState {
  readonly transactionId: string;
  readonly status: PaymentStatus;
  readonly requestId?: string;
  readonly amount?: DecimalAmount;
  /** As the provider names it, e.g. CREDITCARD; only known once paid. */
  readonly paymentMethod?: string;
}

export interface RefundInput {
  /** Deterministic per hub event, so a retried refund pays back once. */
  readonly requestId: string;
  readonly amount: DecimalAmount;
  readonly reason?: string;
}

export interface RefundReceipt {
  readonly refundId: string;
  readonly transactionId: string;
  readonly amount: DecimalAmount;
}
