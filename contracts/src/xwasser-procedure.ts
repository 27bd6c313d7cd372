/**
 * The XWasser procedure (drinking-water examinations for citizens, ADR 0024): its connector
 * orders the examination from the lab and the health office's procedure gets the lab's report.
 * No status codes: the lab report itself (health.lab-report-received.v1) completes the case.
 */
export const xwasserProcedure = {
  kind: 'xwasser',
  standards: ['XWASSER'],
  deliveryTopic: 'procedure.xwasser.delivery-requested.v1',
  authorityLabel: 'Gesundheitsamt',
  citizenStates: {},
} as const;
