import type { CitizenState, CitizenStatusChanged } from '@hub/contracts';
import type { Case } from './case.js';
import type { CitizenStatus } from '@hub/citizen-notices';

/** One step on the citizen's timeline, as a decision produces it (unnumbered). */
export interface CitizenStep extends CitizenStatus {
  readonly at: Date;
  readonly caseNumber: string | null;
}

/*
 * How far an application has come, as the citizen sees it. A procedure status that would lower
 * it (a receipt after the case number, "in Bearbeitung" after the decision) joins the timeline
 * but does not change the current state: the timeline never flaps backwards.
 */
const progress: Record<CitizenState, number> = {
  UNKNOWN: 0,
  SUBMITTED: 0,
  DELIVERY_FAILED: 0,
  RECEIVED: 1,
  PROCESSING: 2,
  ACTION_REQUIRED: 2,
  COMPLETED: 3,
  REJECTED: 3,
  CANCELLED: 3,
};

export function movesBackwards(from: CitizenState | null, to: CitizenState): boolean {
  return from !== null && progress[to] < progress[from];
}

/**
 * Numbers a decision's steps after the case's last one (the timeline's one order: the hub's
 * own steps before the replies they caused, as the router decided them) and remembers what the
 * citizen now sees.
 */
export function numberSteps(
  next: Case,
  steps: readonly CitizenStep[],
): { next: Case; changes: CitizenStatusChanged[] } {
  const changes = steps.map((step, index): CitizenStatusChanged => ({
    applicationId: next.applicationId,
    changedAt: step.at,
    state: step.state,
    statusText: step.statusText,
    actionRequired: step.actionRequired,
    actionText: step.actionText,
    caseNumber: step.caseNumber,
    sequence: next.citizenSequence + index + 1,
  }));
  return {
    next: {
      ...next,
      citizenSequence: next.citizenSequence + steps.length,
      citizenState: steps.at(-1)?.state ?? next.citizenState,
    },
    changes,
  };
}
