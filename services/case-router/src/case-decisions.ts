import type {
  ApplicationDelivered,
  ApplicationSubmitted,
  DeliveryRequested,
  PaymentFailed,
  PaymentLinkIssued,
  PaymentRefunded,
  PaymentRequested,
  PaymentSettled,
  StatusReported,
} from '@hub/contracts';
import { outboundId } from '@hub/kit';
import { RoutingTable, type Route } from '@hub/routing';
import type { Case, CaseState, Deadline } from './case.js';
import { finalStates } from './case.js';
import { citizenStatusForXbau, hubSteps, type CitizenStatus } from './citizen-status.js';

/** A command or event the router sends as a consequence. */
export type Outgoing =
  | { readonly topic: 'payment.payment-requested.v1'; readonly value: PaymentRequested }
  | { readonly topic: 'procedure.delivery-requested.v1'; readonly value: DeliveryRequested };

/** What the router does about one input: the case afterwards, what it sends, what the citizen sees. */
export interface Decision {
  readonly next: Case;
  readonly outgoing: readonly Outgoing[];
  readonly citizen:
    (CitizenStatus & { readonly at: Date; readonly caseNumber: string | null }) | null;
  /** One line for the case history (no personal data). */
  readonly note: string;
}

export interface DecisionSettings {
  readonly now: Date;
  readonly transportReportDeadlineMs: number;
  readonly paymentDeadlineMs: number;
}

function deadlineIn(kind: Deadline['kind'], ms: number, now: Date): Deadline {
  return { kind, at: new Date(now.getTime() + ms) };
}

function deliveryRequest(application: ApplicationSubmitted, route: Route, now: Date): Outgoing {
  const standardVersion =
    RoutingTable.versionOn(route, now) ?? Object.values(route.versions)[0] ?? '';
  return {
    topic: 'procedure.delivery-requested.v1',
    value: {
      applicationId: application.applicationId,
      requestedAt: now,
      recipient: { authorityId: route.authorityDvdvId, name: route.authorityDvdvId },
      standard: route.standard,
      standardVersion,
      messageType: 'baugenehmigung.antrag.0200',
      application,
    },
  };
}

function citizen(
  status: CitizenStatus,
  at: Date,
  caseNumber: string | null = null,
): Decision['citizen'] {
  return { ...status, at, caseNumber };
}

/** A new application: route it, then ask for the fee or deliver it. */
export function onSubmitted(
  application: ApplicationSubmitted,
  route: Route | undefined,
  settings: DecisionSettings,
): Decision {
  const base = {
    applicationId: application.applicationId,
    application,
    lastProcedureStatusAt: null,
    caseNumber: null,
  };
  if (!route) {
    const reason = `Für die Leistung ${application.serviceKey} ist in der Gemeinde ${application.municipalityKey} keine Stelle zuständig.`;
    return {
      next: { ...base, state: 'UNROUTABLE', route: null, deadline: null },
      outgoing: [],
      citizen: citizen(hubSteps.unroutable(reason), settings.now),
      note: `no route for ${application.serviceKey}/${application.municipalityKey}`,
    };
  }
  if (route.fee) {
    const request: Outgoing = {
      topic: 'payment.payment-requested.v1',
      value: {
        applicationId: application.applicationId,
        // Derived, so a decision taken again after a crash asks for the same payment, not a second one.
        paymentId: outboundId(application.applicationId, 'payment'),
        requestedAt: settings.now,
        amount: route.fee,
        purpose: `Gebühr Antrag ${application.applicationId.slice(0, 8)}`,
        serviceKey: application.serviceKey,
        municipalityKey: application.municipalityKey,
      },
    };
    return {
      next: {
        ...base,
        state: 'AWAITING_PAYMENT',
        route,
        deadline: deadlineIn('payment', settings.paymentDeadlineMs, settings.now),
      },
      outgoing: [request],
      citizen: citizen(hubSteps.awaitingPayment, settings.now),
      note: 'fee due: payment requested',
    };
  }
  return {
    next: {
      ...base,
      state: 'DELIVERY_REQUESTED',
      route,
      deadline: deadlineIn('delivery', settings.transportReportDeadlineMs, settings.now),
    },
    outgoing: [deliveryRequest(application, route, settings.now)],
    citizen: citizen(hubSteps.submitted, settings.now),
    note: `delivery requested to ${route.authorityDvdvId}`,
  };
}

function unchanged(current: Case, note: string): Decision {
  return { next: current, outgoing: [], citizen: null, note };
}

export function onPaymentSettled(
  current: Case,
  settled: PaymentSettled,
  settings: DecisionSettings,
): Decision {
  if (current.state !== 'AWAITING_PAYMENT' || !current.route)
    return unchanged(current, `payment settled ignored in ${current.state}`);
  return {
    next: {
      ...current,
      state: 'DELIVERY_REQUESTED',
      deadline: deadlineIn('delivery', settings.transportReportDeadlineMs, settings.now),
    },
    outgoing: [deliveryRequest(current.application, current.route, settings.now)],
    citizen: citizen(hubSteps.paid, settled.settledAt),
    note: 'payment settled: delivery requested',
  };
}

/** The citizen gets the pay page; the case waits on. */
export function onPaymentLinkIssued(current: Case, link: PaymentLinkIssued): Decision {
  if (current.state !== 'AWAITING_PAYMENT')
    return unchanged(current, `pay link ignored in ${current.state}`);
  return {
    next: { ...current },
    outgoing: [],
    citizen: citizen(hubSteps.payAt(link.paymentUrl), link.issuedAt),
    note: 'pay link issued',
  };
}

/** The fee went back to the citizen (after a rejection); the case's state stays. */
export function onPaymentRefunded(current: Case, refund: PaymentRefunded): Decision {
  const state =
    current.state === 'REJECTED' || current.state === 'CANCELLED' ? current.state : 'PROCESSING';
  return {
    next: { ...current },
    outgoing: [],
    citizen: citizen({ ...hubSteps.refunded, state }, refund.refundedAt, current.caseNumber),
    note: 'fee refunded',
  };
}

export function onPaymentFailed(current: Case, failed: PaymentFailed): Decision {
  if (current.state !== 'AWAITING_PAYMENT')
    return unchanged(current, `payment failure ignored in ${current.state}`);
  return {
    next: { ...current, state: 'CANCELLED', deadline: null },
    outgoing: [],
    citizen: citizen(hubSteps.paymentFailed, failed.failedAt),
    note: `payment failed: ${failed.reason}`,
  };
}

export function onDelivered(current: Case, delivered: ApplicationDelivered): Decision {
  if (current.state !== 'DELIVERY_REQUESTED' && current.state !== 'DELIVERY_OVERDUE')
    return unchanged(current, `delivery ignored in ${current.state}`);
  return {
    next: { ...current, state: 'DELIVERED', deadline: null },
    outgoing: [],
    citizen: citizen(hubSteps.delivered, delivered.deliveredAt),
    note: `delivered as ${delivered.nachrichtenUUID}`,
  };
}

const procedureFinal: Partial<Record<CitizenStatus['state'], CaseState>> = {
  COMPLETED: 'COMPLETED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
};

/**
 * A status from the procedure. Every status joins the citizen's timeline at the procedure's own
 * time; only one newer than the last applied one changes the case, so late arrivals cannot undo
 * a later state.
 */
export function onStatusReported(current: Case, status: StatusReported): Decision {
  const citizenStatus = citizenStatusForXbau(status.statusCode, status.statusText);
  const caseNumber = status.caseNumber ?? current.caseNumber;
  const isNewest =
    current.lastProcedureStatusAt === null || status.reportedAt > current.lastProcedureStatusAt;
  const state = isNewest
    ? (procedureFinal[citizenStatus.state] ??
      (finalStates.has(current.state) ? current.state : 'IN_PROCEDURE'))
    : current.state;
  return {
    next: {
      ...current,
      state,
      caseNumber,
      deadline: null,
      lastProcedureStatusAt: isNewest ? status.reportedAt : current.lastProcedureStatusAt,
    },
    outgoing: [],
    citizen: citizen(citizenStatus, status.reportedAt, caseNumber),
    note: `procedure status ${status.statusCode}${isNewest ? '' : ' (older than the current one)'}`,
  };
}

/** A deadline passed: an unpaid fee cancels the case; a missing delivery alerts the operators. */
export function onDeadline(current: Case, settings: DecisionSettings): Decision {
  if (!current.deadline || current.deadline.at > settings.now)
    return unchanged(current, 'deadline not reached');
  if (current.deadline.kind === 'payment' && current.state === 'AWAITING_PAYMENT') {
    return {
      next: { ...current, state: 'CANCELLED', deadline: null },
      outgoing: [],
      citizen: citizen(hubSteps.paymentExpired, settings.now),
      note: 'payment deadline passed',
    };
  }
  if (current.deadline.kind === 'delivery' && current.state === 'DELIVERY_REQUESTED') {
    return {
      next: { ...current, state: 'DELIVERY_OVERDUE', deadline: null },
      outgoing: [],
      citizen: null,
      note: 'no transport report before the deadline: operators alerted',
    };
  }
  return {
    next: { ...current, deadline: null },
    outgoing: [],
    citizen: null,
    note: `stale ${current.deadline.kind} deadline cleared`,
  };
}
