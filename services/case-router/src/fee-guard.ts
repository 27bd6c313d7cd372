import type { PaymentSettled } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { outboundId } from '@hub/kit';
import type { Case } from './case.js';

/** The one payment the router asks for per application, derived so a retry asks for the same. */
export function paymentIdOf(applicationId: string): string {
  return outboundId(applicationId, 'payment');
}

type Amount = PaymentSettled['amount'];

function sameAmount(a: Amount, b: Amount): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

/**
 * Whether the case may go to its procedure: its route is free of charge, or the payment the
 * router requested was settled for exactly the route's fee.
 */
export function feeIsPaid(current: Case): boolean {
  const fee = current.route?.fee;
  if (!fee) return true;
  const paid = current.settledPayment;
  return (
    paid !== null &&
    paid.paymentId === paymentIdOf(current.applicationId) &&
    sameAmount(paid.amount, fee)
  );
}

/**
 * Refuses a settled payment that is not the fee the router asked for: another payment id or
 * another amount never releases the application (dead-lettered for the operators to look at).
 */
export function refuseForeignSettlement(current: Case, settled: PaymentSettled): void {
  const fee = current.route?.fee ?? null;
  if (settled.paymentId !== paymentIdOf(current.applicationId))
    throw new HubError(
      'PAYMENT_NOT_REQUESTED',
      `Settled payment ${settled.paymentId} is not the payment requested for this application; it is not delivered.`,
      { retryable: false },
    );
  if (fee === null || !sameAmount(settled.amount, fee))
    throw new HubError(
      'PAYMENT_AMOUNT_MISMATCH',
      `Settled ${settled.amount.amount} ${settled.amount.currency}, but the fee of the route is ${fee ? `${fee.amount} ${fee.currency}` : 'none'}; the application is not delivered.`,
      { retryable: false },
    );
}

/** Guards the one place delivery requests are made: a route with a fee never reaches its procedure unpaid. */
export function requirePaidFee(current: Case): void {
  if (!feeIsPaid(current))
    throw new HubError(
      'DELIVERY_UNPAID',
      `Application ${current.applicationId} has a fee that is not settled; it is not delivered.`,
      { retryable: false },
    );
}
