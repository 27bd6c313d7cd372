import type { ApplicationSubmitted } from '@hub/contracts';
import type { Route } from '@hub/routing';

/** Where the hub is with an application (internal; the citizen sees CitizenStatus instead). */
export type CaseState =
  | 'AWAITING_PAYMENT'
  | 'DELIVERY_REQUESTED'
  | 'DELIVERY_OVERDUE'
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
}

export const finalStates: ReadonlySet<CaseState> = new Set([
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'UNROUTABLE',
]);
