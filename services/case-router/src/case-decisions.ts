import {
  deliveryTopicOf,
  topics,
  type ApplicationDelivered,
  type ApplicationSubmitted,
  type DeliveryRequested,
  type DeliveryTopicName,
  type PaymentFailed,
  type PaymentLinkIssued,
  type PaymentRefunded,
  type PaymentRequested,
  type PaymentSettled,
} from '@hub/contracts';
import { HubError } from '@hub/errors';
import { RoutingTable, type Route } from '@hub/routing';
import type { Case, Deadline } from './case.js';
import { hubSteps, type CitizenStatus } from '@hub/citizen-notices';
import type { CitizenStep } from './citizen-timeline.js';
import { paymentIdOf, refuseForeignSettlement, requirePaidFee } from './fee-guard.js';

/** A command or event the router sends as a consequence. */
export type Outgoing =
  | { readonly topic: typeof topics.paymentRequested.name; readonly value: PaymentRequested }
  | { readonly topic: DeliveryTopicName; readonly value: DeliveryRequested };

/** What the router does about one input: the case afterwards, what it sends, what the citizen sees. */
export interface Decision {
  readonly next: Case;
  readonly outgoing: readonly Outgoing[];
  /** Steps for the citizen's timeline, in the order they happened. */
  readonly citizen: readonly CitizenStep[];
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

/**
 * The only way to a delivery request: refused for a route whose fee is not settled in full. What
 * to send, to whom and on which topic is the route's and the catalogue's, not the router's.
 */
function deliveryRequest(current: Case, now: Date): Outgoing {
  requirePaidFee(current);
  const { application, route } = current;
  if (!route)
    throw new HubError('DELIVERY_UNROUTED', `Application ${current.applicationId} has no route.`, {
      retryable: false,
    });
  const standardVersion =
    RoutingTable.versionOn(route, now) ?? Object.values(route.versions)[0] ?? '';
  return {
    topic: deliveryTopicOf(route.procedure),
    value: {
      applicationId: application.applicationId,
      requestedAt: now,
      recipient: { authorityId: route.reader.dvdvId, name: route.reader.name },
      author: { authorityId: route.author.dvdvId, name: route.author.name },
      standard: route.standard,
      standardVersion,
      messageType: route.messageType,
      application,
    },
  };
}

export function citizen(
  status: CitizenStatus,
  at: Date,
  caseNumber: string | null = null,
): CitizenStep {
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
    settledPayment: null,
    deliveredAt: null,
    citizenState: null,
    citizenSequence: 0,
  };
  if (!route) {
    const reason = `Für die Leistung ${application.serviceKey} ist in der Gemeinde ${application.municipalityKey} keine Stelle zuständig.`;
    return {
      next: { ...base, state: 'UNROUTABLE', route: null, deadline: null },
      outgoing: [],
      citizen: [citizen(hubSteps.unroutable(reason), settings.now)],
      note: `no route for ${application.serviceKey}/${application.municipalityKey}`,
    };
  }
  if (route.fee) {
    const request: Outgoing = {
      topic: topics.paymentRequested.name,
      value: {
        applicationId: application.applicationId,
        // Derived, so a decision taken again after a crash asks for the same payment, not a second one.
        paymentId: paymentIdOf(application.applicationId),
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
      citizen: [citizen(hubSteps.awaitingPayment, settings.now)],
      note: 'fee due: payment requested',
    };
  }
  const next: Case = {
    ...base,
    state: 'DELIVERY_REQUESTED',
    route,
    deadline: deadlineIn('delivery', settings.transportReportDeadlineMs, settings.now),
  };
  return {
    next,
    outgoing: [deliveryRequest(next, settings.now)],
    citizen: [citizen(hubSteps.submitted, settings.now)],
    note: `delivery requested to ${route.reader.dvdvId}`,
  };
}

export function unchanged(current: Case, note: string): Decision {
  return { next: current, outgoing: [], citizen: [], note };
}

/** Waiting for the fee: asked for it, or its request was dead-lettered and may be replayed. */
function awaitsFee(current: Case): boolean {
  return (
    current.state === 'AWAITING_PAYMENT' ||
    (current.state === 'DELIVERY_FAILED' && current.route?.fee != null && !current.settledPayment)
  );
}

/** Only the payment the router requested, for exactly the route's fee, releases the application. */
export function onPaymentSettled(
  current: Case,
  settled: PaymentSettled,
  settings: DecisionSettings,
): Decision {
  if (!awaitsFee(current)) return unchanged(current, `payment settled ignored in ${current.state}`);
  refuseForeignSettlement(current, settled);
  const next: Case = {
    ...current,
    state: 'DELIVERY_REQUESTED',
    settledPayment: { paymentId: settled.paymentId, amount: settled.amount },
    deadline: deadlineIn('delivery', settings.transportReportDeadlineMs, settings.now),
  };
  return {
    next,
    outgoing: [deliveryRequest(next, settings.now)],
    citizen: [citizen(hubSteps.paid, settled.settledAt)],
    note: 'payment settled: delivery requested',
  };
}

/** The citizen gets the pay page; the case waits on. */
export function onPaymentLinkIssued(current: Case, link: PaymentLinkIssued): Decision {
  if (!awaitsFee(current)) return unchanged(current, `pay link ignored in ${current.state}`);
  return {
    next: { ...current, state: 'AWAITING_PAYMENT' },
    outgoing: [],
    citizen: [citizen(hubSteps.payAt(link.paymentUrl), link.issuedAt)],
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
    citizen: [citizen({ ...hubSteps.refunded, state }, refund.refundedAt, current.caseNumber)],
    note: 'fee refunded',
  };
}

export function onPaymentFailed(current: Case, failed: PaymentFailed): Decision {
  if (!awaitsFee(current)) return unchanged(current, `payment failure ignored in ${current.state}`);
  return {
    next: { ...current, state: 'CANCELLED', deadline: null },
    outgoing: [],
    citizen: [citizen(hubSteps.paymentFailed, failed.failedAt)],
    note: `payment failed: ${failed.reason}`,
  };
}

/** The application reached the authority; once only (a receipt may have proved it already). */
export function onDelivered(current: Case, delivered: ApplicationDelivered): Decision {
  if (!awaitsDelivery(current)) return unchanged(current, `delivery ignored in ${current.state}`);
  return {
    next: { ...current, state: 'DELIVERED', deadline: null, deliveredAt: delivered.deliveredAt },
    outgoing: [],
    citizen: [citizen(hubSteps.delivered, delivered.deliveredAt)],
    note: `delivered as ${delivered.nachrichtenUUID}`,
  };
}

/** Delivery was requested and not yet confirmed. */
export function awaitsDelivery(current: Case): boolean {
  return (
    current.deliveredAt === null &&
    (current.state === 'DELIVERY_REQUESTED' ||
      current.state === 'DELIVERY_OVERDUE' ||
      (current.state === 'DELIVERY_FAILED' && !awaitsFee(current)))
  );
}

/** Which command of the case a dead letter stopped, and where it lies. */
export interface ChainDeadLetter {
  readonly command: Outgoing['topic'];
  readonly deadLetterTopic: string;
}

/**
 * A command of this case was dead-lettered further down the chain (payment request, delivery):
 * if the case was waiting on it, it will not go on by itself, so the citizen is told and the
 * operators take over. A dead letter of a command the case no longer waits on changes nothing.
 */
export function onChainDeadLettered(
  current: Case,
  dead: ChainDeadLetter,
  settings: DecisionSettings,
): Decision {
  const waitsOnIt =
    dead.command === topics.paymentRequested.name
      ? current.state === 'AWAITING_PAYMENT'
      : awaitsDelivery(current) && current.state !== 'DELIVERY_FAILED';
  if (!waitsOnIt)
    return unchanged(current, `dead letter in ${dead.deadLetterTopic} ignored in ${current.state}`);
  return {
    next: { ...current, state: 'DELIVERY_FAILED', deadline: null },
    outgoing: [],
    citizen: [citizen(hubSteps.deliveryFailed, settings.now, current.caseNumber)],
    note: `dead-lettered in ${dead.deadLetterTopic}`,
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
      citizen: [citizen(hubSteps.paymentExpired, settings.now)],
      note: 'payment deadline passed',
    };
  }
  if (current.deadline.kind === 'delivery' && current.state === 'DELIVERY_REQUESTED') {
    return {
      next: { ...current, state: 'DELIVERY_OVERDUE', deadline: null },
      outgoing: [],
      citizen: [citizen(hubSteps.authorityUnreachable, settings.now)],
      note: 'no transport report before the deadline: operators alerted',
    };
  }
  return {
    next: { ...current, deadline: null },
    outgoing: [],
    citizen: [],
    note: `stale ${current.deadline.kind} deadline cleared`,
  };
}
