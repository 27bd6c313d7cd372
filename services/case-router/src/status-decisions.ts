import { procedureKinds, type ProcedureKind, type StatusReported } from '@hub/contracts';
import { citizenStatusForProcedure, hubSteps, type CitizenStatus } from '@hub/citizen-notices';
import { HubError } from '@hub/errors';
import { finalStates, type Case, type CaseState } from './case.js';
import { awaitsDelivery, citizen, type Decision } from './case-decisions.js';
import { movesBackwards, type CitizenStep } from './citizen-timeline.js';

/** The connectors' codes for process messages that prove the authority received the application. */
const receiptCodes: ReadonlySet<string> = new Set(['RECEIPT', 'GENERIC_RECEIPT', 'CASE_NUMBER']);

const procedureFinal: Partial<Record<CitizenStatus['state'], CaseState>> = {
  COMPLETED: 'COMPLETED',
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
};

const dvdvId = /^[a-z]{3}:\d{1,12}$/;

/** The claimed sender, for the dead letter: quoted only if it looks like a DVDV id (it is the sender's text). */
function senderOf(status: StatusReported): string {
  if (status.authorityId === null) return 'an unnamed sender';
  return dvdvId.test(status.authorityId) ? status.authorityId : 'a sender that is no DVDV id';
}

/**
 * Whether the case's authority may report this status now. Replies are matched by the
 * application id they refer to, which anyone can quote; so the sender must be the authority the
 * case was routed to, and the case must have been delivered. A receipt may overtake the
 * connector's delivery event and proves the delivery itself; any other status waits for it
 * (retried, then dead-lettered). Every refusal leaves the case unchanged.
 */
function refuseImplausible(current: Case, status: StatusReported): void {
  const routedTo = current.route?.reader.dvdvId ?? null;
  if (routedTo === null || status.authorityId !== routedTo)
    throw new HubError(
      'REPLY_WRONG_AUTHORITY',
      `Status ${status.statusCode} from ${senderOf(status)} for an application routed to ${routedTo ?? 'no authority'}; the case is unchanged.`,
      { retryable: false },
    );
  if (current.deliveredAt !== null) return;
  if (awaitsDelivery(current)) {
    if (receiptCodes.has(status.statusCode)) return;
    throw new HubError(
      'REPLY_BEFORE_DELIVERY',
      `Status ${status.statusCode} before the delivery was confirmed; it waits for the confirmation.`,
      { retryable: true },
    );
  }
  throw new HubError(
    'REPLY_NOT_EXPECTED',
    `Status ${status.statusCode} for an application in ${current.state} that was never delivered; the case is unchanged.`,
    { retryable: false },
  );
}

/** A receipt that overtook the delivery event: the hub's step "zugestellt" comes first. */
function deliveredByReceipt(
  current: Case,
  status: StatusReported,
): { next: Case; steps: CitizenStep[] } {
  if (current.deliveredAt !== null) return { next: current, steps: [] };
  return {
    next: {
      ...current,
      state: 'DELIVERED',
      deadline: null,
      deliveredAt: status.reportedAt,
      citizenState: hubSteps.delivered.state,
    },
    steps: [citizen(hubSteps.delivered, status.reportedAt)],
  };
}

/** The procedure kind of the case's route, whose table reads its status codes. */
function procedureOf(current: Case): ProcedureKind {
  const kind = procedureKinds.find(({ kind: name }) => name === current.route?.procedure);
  if (!kind)
    throw new HubError(
      'STATUS_UNKNOWN_PROCEDURE',
      `Application ${current.applicationId} has no procedure kind to read its status by.`,
      { retryable: false },
    );
  return kind;
}

/**
 * A status from the procedure. Every accepted status joins the citizen's timeline; it changes the
 * case only when it is not older than the last one applied and does not lower the citizen's state,
 * so late or repeated reports cannot undo a later state.
 */
export function onStatusReported(current: Case, status: StatusReported): Decision {
  refuseImplausible(current, status);
  const delivered = deliveredByReceipt(current, status);
  const base = delivered.next;
  const reported = citizenStatusForProcedure(
    procedureOf(current),
    status.statusCode,
    status.statusText,
  );
  const caseNumber = status.caseNumber ?? base.caseNumber;
  // Two reports stamped alike (an authority writing seconds, or one burst in the same
  // millisecond) came in the order the authority put them in the box: the later one is newer.
  const isNewest =
    base.lastProcedureStatusAt === null || status.reportedAt >= base.lastProcedureStatusAt;
  const moves = isNewest && !movesBackwards(base.citizenState, reported.state);
  const state = moves
    ? (procedureFinal[reported.state] ??
      (finalStates.has(base.state) ? base.state : 'IN_PROCEDURE'))
    : base.state;
  const shown: CitizenStatus = moves
    ? reported
    : {
        ...reported,
        state: base.citizenState ?? reported.state,
        actionRequired: false,
        actionText: null,
      };
  return {
    next: {
      ...base,
      state,
      caseNumber,
      deadline: null,
      lastProcedureStatusAt: isNewest ? status.reportedAt : base.lastProcedureStatusAt,
    },
    outgoing: [],
    citizen: [...delivered.steps, citizen(shown, status.reportedAt, caseNumber)],
    note: `procedure status ${status.statusCode}${moves ? '' : ' (joins the history; the state stays)'}`,
  };
}
