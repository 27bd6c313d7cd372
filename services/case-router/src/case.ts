import type { ApplicationSubmitted, CitizenState, PaymentSettled } from '@hub/contracts';
import type { Route } from '@hub/routing';

/** Where the hub is with an application (internal; the citizen sees CitizenStatus instead). */
export type CaseState =
  | 'AWAITING_PAYMENT'
  | 'DELIVERY_REQUESTED'
  | 'DELIVERY_OVERDUE'
  | 'DELIVERY_FAILED'
  | 'DELIVERED'
  | 'IN_PROCEDURE'
  | 'COMPLETED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'UNROUTABLE';

export type DeadlineKind = 'payment' | 'delivery';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly at: Date;
}

export interface Case {
  readonly applicationId: string;
  readonly state: CaseState;
  readonly route: Route | null;
  /** Kept until delivery, because the delivery request carries the whole application. */
  readonly application: ApplicationSubmitted;
  readonly deadline: Deadline | null;
  /** The procedure's time of the newest status applied, so older ones cannot overwrite it. */
  readonly lastProcedureStatusAt: Date | null;
  readonly caseNumber: string | null;
  /** The payment the provider confirmed; a route with a fee delivers only once it matches the fee. */
  readonly settledPayment: SettledPayment | null;
  /** When the application reached the authority (or the authority's receipt proved it did). */
  readonly deliveredAt: Date | null;
  /** What the citizen sees now; procedure statuses never move it backwards. */
  readonly citizenState: Exclude<CitizenState, 'UNKNOWN'> | null;
  /** How many citizen-facing steps were published; the next one gets this number + 1. */
  readonly citizenSequence: number;
}

export interface SettledPayment {
  readonly paymentId: string;
  readonly amount: PaymentSettled['amount'];
}

export const finalStates: ReadonlySet<CaseState> = new Set([
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'UNROUTABLE',
]);
