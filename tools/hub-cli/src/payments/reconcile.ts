/**
 * The reconcile report (PURE): payments as the payment connector recorded them, next to what the
 * case router knows about delivery. Operators read it; it decides nothing.
 */
export interface PaymentRow {
  readonly applicationId: string;
  readonly paymentId: string;
  readonly state: string;
  readonly amount: string;
  readonly providerTransactionId: string | null;
}

export interface CaseRow {
  readonly applicationId: string;
  readonly state: string;
  /** Whether the application carries a fee (read from the submitted application). */
  readonly feeDue: boolean;
}

export type MismatchKind = 'PAID_NOT_DELIVERED' | 'DELIVERED_NOT_PAID' | 'PAID_TWICE';

export interface Mismatch {
  readonly applicationId: string;
  readonly kind: MismatchKind;
  readonly detail: string;
}

export interface ReconcileReport {
  readonly byState: Readonly<Record<string, number>>;
  readonly mismatches: readonly Mismatch[];
}

/** Case router states that mean the application reached its procedure. */
export const deliveredStates: ReadonlySet<string> = new Set([
  'DELIVERED',
  'IN_PROCEDURE',
  'COMPLETED',
]);

export function reconcile(
  payments: readonly PaymentRow[],
  cases: readonly CaseRow[],
): ReconcileReport {
  const byState: Record<string, number> = {};
  for (const payment of payments) byState[payment.state] = (byState[payment.state] ?? 0) + 1;

  const settledBy = new Map<string, PaymentRow[]>();
  for (const payment of payments.filter((p) => p.state === 'SETTLED')) {
    settledBy.set(payment.applicationId, [
      ...(settledBy.get(payment.applicationId) ?? []),
      payment,
    ]);
  }
  const caseOf = new Map(cases.map((c) => [c.applicationId, c]));
  const mismatches: Mismatch[] = [];

  for (const [applicationId, settled] of settledBy) {
    const state = caseOf.get(applicationId)?.state;
    if (settled.length > 1) {
      mismatches.push({
        applicationId,
        kind: 'PAID_TWICE',
        detail: `${settled.length} settled payments: ${settled.map((p) => `${p.amount} (${p.providerTransactionId ?? '?'})`).join(', ')}`,
      });
    }
    if (state === undefined || !deliveredStates.has(state)) {
      mismatches.push({
        applicationId,
        kind: 'PAID_NOT_DELIVERED',
        detail: `case ${state ?? 'unknown'}`,
      });
    }
  }
  for (const { applicationId, state, feeDue } of cases) {
    if (feeDue && deliveredStates.has(state) && !settledBy.has(applicationId)) {
      const seen = payments.filter((p) => p.applicationId === applicationId).map((p) => p.state);
      mismatches.push({
        applicationId,
        kind: 'DELIVERED_NOT_PAID',
        detail: `case ${state}, payments: ${seen.length > 0 ? seen.join(', ') : 'none'}`,
      });
    }
  }
  return { byState, mismatches };
}

export function renderReport(report: ReconcileReport): string {
  const states = Object.entries(report.byState).sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    'state        payments',
    ...states.map(([state, n]) => `${state.padEnd(12)} ${n}`),
  ];
  lines.push(
    '',
    report.mismatches.length === 0 ? 'no mismatches' : `${report.mismatches.length} mismatch(es):`,
  );
  for (const m of report.mismatches) {
    lines.push(`${m.kind.padEnd(20)} ${m.applicationId}  ${m.detail}`);
  }
  return lines.join('\n');
}
