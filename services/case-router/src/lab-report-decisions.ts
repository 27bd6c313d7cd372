import type { LabReportReceived } from '@hub/contracts';
import { drinkingWaterResult } from '@hub/citizen-notices';
import { finalStates, type Case } from './case.js';
import { citizen, unchanged, type Decision } from './case-decisions.js';

/** The names of the parameters above their limit, as the lab reported them. */
function exceededParameters(report: LabReportReceived): string[] {
  return report.samples.flatMap((sample) =>
    sample.measurements
      .filter((measurement) => measurement.limitExceeded)
      .map((measurement) => measurement.parameterName),
  );
}

/**
 * The lab's report on the drinking-water examination the citizen ordered: the result goes on the
 * timeline in plain German and the case is complete. The report also proves the order reached the
 * lab, should its delivery confirmation still be on the way. A report for a case of another
 * procedure, or one already final (a corrected report), changes nothing: the health office has it.
 */
export function onLabReport(current: Case, report: LabReportReceived): Decision {
  if (current.route?.procedure !== 'xwasser')
    return unchanged(
      current,
      `lab report ignored for a ${current.route?.procedure ?? 'unrouted'} case`,
    );
  if (finalStates.has(current.state))
    return unchanged(current, `lab report ${report.reportId} ignored in ${current.state}`);
  const exceeded = exceededParameters(report);
  return {
    next: {
      ...current,
      state: 'COMPLETED',
      deadline: null,
      deliveredAt: current.deliveredAt ?? report.receivedAt,
    },
    outgoing: [],
    citizen: [citizen(drinkingWaterResult(exceeded), report.receivedAt, current.caseNumber)],
    note: `lab report ${report.reportId}: ${report.limitsExceeded} value(s) above their limit`,
  };
}
