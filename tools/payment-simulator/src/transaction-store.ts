import { randomUUID } from 'node:crypto';
import {
  amountFromWire,
  amountToCents,
  type PaymentStatus,
  type ProviderAccount,
  type WirePaymentRequest,
} from '@hub/xbezahldienste';

export interface SimulatedRefund {
  readonly refundId: string;
  readonly requestId: string;
  readonly amountCents: number;
}

export interface SimulatedTransaction {
  readonly transactionId: string;
  readonly account: ProviderAccount;
  readonly request: WirePaymentRequest;
  readonly createdAt: string;
  status: PaymentStatus;
  paymentMethod?: string;
  updatedAt: string;
  readonly refunds: SimulatedRefund[];
}

export type CreateOutcome =
  | { readonly kind: 'created' | 'existing'; readonly transaction: SimulatedTransaction }
  | { readonly kind: 'conflict' };

export type RefundOutcome =
  | { readonly kind: 'refunded' | 'existing'; readonly refund: SimulatedRefund }
  | { readonly kind: 'conflict'; readonly reason: string };

/**
 * The provider's memory. Idempotent the way a provider must be: a requestId seen before (for the
 * same originator and endpoint) returns the transaction it created, never a second one; a reused
 * requestId with another amount or purpose is a conflict, not a silent overwrite.
 */
export class TransactionStore {
  private readonly byId = new Map<string, SimulatedTransaction>();
  private readonly byRequestId = new Map<string, SimulatedTransaction>();

  create(account: ProviderAccount, request: WirePaymentRequest, now: Date): CreateOutcome {
    const key = requestKey(account, request.requestId);
    const known = this.byRequestId.get(key);
    if (known)
      return sameOrder(known.request, request)
        ? { kind: 'existing', transaction: known }
        : { kind: 'conflict' };
    const transaction: SimulatedTransaction = {
      transactionId: randomUUID(),
      account: { originatorId: account.originatorId, endpointId: account.endpointId },
      request,
      createdAt: now.toISOString(),
      status: 'INITIAL',
      updatedAt: now.toISOString(),
      refunds: [],
    };
    this.byId.set(transaction.transactionId, transaction);
    this.byRequestId.set(key, transaction);
    return { kind: 'created', transaction };
  }

  /** The transaction, if it exists under this account: ids do not leak across accounts. */
  find(account: ProviderAccount, transactionId: string): SimulatedTransaction | undefined {
    const transaction = this.byId.get(transactionId);
    const sameAccount =
      transaction?.account.originatorId === account.originatorId &&
      transaction.account.endpointId === account.endpointId;
    return sameAccount ? transaction : undefined;
  }

  get(transactionId: string): SimulatedTransaction | undefined {
    return this.byId.get(transactionId);
  }

  all(): readonly SimulatedTransaction[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Moves an INITIAL transaction to its outcome; false when it already had one. */
  conclude(
    transaction: SimulatedTransaction,
    status: Exclude<PaymentStatus, 'INITIAL'>,
    now: Date,
    paymentMethod?: string,
  ): boolean {
    if (transaction.status !== 'INITIAL') return false;
    transaction.status = status;
    if (paymentMethod !== undefined) transaction.paymentMethod = paymentMethod;
    transaction.updatedAt = now.toISOString();
    return true;
  }

  refund(transaction: SimulatedTransaction, requestId: string, amountCents: number): RefundOutcome {
    const known = transaction.refunds.find((refund) => refund.requestId === requestId);
    if (known) {
      return known.amountCents === amountCents
        ? { kind: 'existing', refund: known }
        : { kind: 'conflict', reason: 'requestId reused with another amount' };
    }
    if (transaction.status !== 'PAYED')
      return { kind: 'conflict', reason: `transaction is ${transaction.status}` };
    const refunded = transaction.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
    const paid = amountToCents(amountFromWire(transaction.request.grosAmount));
    if (amountCents <= 0 || refunded + amountCents > paid) {
      return { kind: 'conflict', reason: 'refund exceeds the amount paid' };
    }
    const refund = { refundId: randomUUID(), requestId, amountCents };
    transaction.refunds.push(refund);
    return { kind: 'refunded', refund };
  }
}

function requestKey(account: ProviderAccount, requestId: string): string {
  return JSON.stringify([account.originatorId, account.endpointId, requestId]);
}

/** A retry repeats the order; the timestamp may differ, amount and purpose may not. */
function sameOrder(first: WirePaymentRequest, second: WirePaymentRequest): boolean {
  return first.grosAmount === second.grosAmount && first.purpose === second.purpose;
}
