import type pg from 'pg';
import { schemaType, type ApplicationSubmitted } from '@hub/contracts';
import type { CaseRow, PaymentRow } from './reconcile.js';

/**
 * Read-only SQL over two services' tables, acceptable for an operator report: the payment
 * connector's `payment_connector_payments` and the case router's `case_router_cases`. The window
 * selects applications whose payment was requested or last changed, or whose case last changed,
 * in [from, to).
 */
export async function loadReconcileInput(
  db: Pick<pg.Client, 'query'>,
  from: Date,
  to: Date,
): Promise<{ payments: PaymentRow[]; cases: CaseRow[] }> {
  const casesExist = await tableExists(db, 'case_router_cases');
  const paymentsExist = await tableExists(db, 'payment_connector_payments');
  const inWindow = [
    ...(paymentsExist
      ? [
          'select application_id from payment_connector_payments where (requested_at >= $1 and requested_at < $2) or (updated_at >= $1 and updated_at < $2)',
        ]
      : []),
    ...(casesExist
      ? ['select application_id from case_router_cases where updated_at >= $1 and updated_at < $2']
      : []),
  ];
  if (inWindow.length === 0) return { payments: [], cases: [] };
  const window = `(${inWindow.join(' union ')})`;
  const payments = paymentsExist
    ? (
        await db.query<PaymentRow>(
          `select application_id as "applicationId", payment_id as "paymentId", state,
                  amount::text as amount, provider_transaction_id as "providerTransactionId"
           from payment_connector_payments where application_id in ${window}
           order by requested_at`,
          [from, to],
        )
      ).rows
    : [];
  const caseRows = casesExist
    ? (
        await db.query<{ applicationId: string; state: string; application: Buffer }>(
          `select application_id as "applicationId", state, application
           from case_router_cases where application_id in ${window}`,
          [from, to],
        )
      ).rows
    : [];
  const applicationType = schemaType('portal/application-submitted');
  const cases = caseRows.map(({ applicationId, state, application }) => ({
    applicationId,
    state,
    feeDue: (applicationType.fromBuffer(application) as ApplicationSubmitted).fee !== null,
  }));
  return { payments, cases };
}

async function tableExists(db: Pick<pg.Client, 'query'>, table: string): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(
    'select to_regclass($1) is not null as exists',
    [table],
  );
  return rows[0]?.exists ?? false;
}
