import type pg from 'pg';
import { schemaType, type ApplicationSubmitted } from '@hub/contracts';
import type { Route } from '@hub/routing';
import {
  finalStates,
  type Case,
  type CaseState,
  type DeadlineKind,
  type SettledPayment,
} from './case.js';
import { migrate } from '@hub/kit';
import { caseRouterMigrations } from './migrations.js';

const applicationType = schemaType('portal/application-submitted');

interface CaseRow {
  application_id: string;
  state: CaseState;
  route: Route | null;
  application: Buffer;
  deadline_kind: DeadlineKind | null;
  deadline_at: Date | null;
  last_procedure_status_at: Date | null;
  case_number: string | null;
  settled_payment: SettledPayment | null;
  delivered_at: Date | null;
  citizen_state: Case['citizenState'];
  citizen_sequence: number;
}

function fromRow(row: CaseRow): Case {
  return {
    applicationId: row.application_id,
    state: row.state,
    route: row.route,
    application: applicationType.fromBuffer(row.application) as ApplicationSubmitted,
    deadline:
      row.deadline_kind && row.deadline_at
        ? { kind: row.deadline_kind, at: row.deadline_at }
        : null,
    lastProcedureStatusAt: row.last_procedure_status_at,
    caseNumber: row.case_number,
    settledPayment: row.settled_payment,
    deliveredAt: row.delivered_at,
    citizenState: row.citizen_state,
    citizenSequence: row.citizen_sequence,
  };
}

/**
 * One row per application (its current state) plus an append-only history of every decision.
 * All reads for a decision lock the row, so two events of one case never decide concurrently.
 */
export class CaseStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [caseRouterMigrations]);
  }

  async lock(tx: pg.PoolClient, applicationId: string): Promise<Case | undefined> {
    const { rows } = await tx.query<CaseRow>(
      'select * from case_router_cases where application_id = $1 for update',
      [applicationId],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async save(
    tx: pg.PoolClient,
    before: Case | undefined,
    after: Case,
    eventId: string,
    note: string,
  ): Promise<void> {
    await tx.query(
      `insert into case_router_cases (application_id, state, route, application, deadline_kind, deadline_at,
         last_procedure_status_at, case_number, settled_payment, delivered_at, citizen_state, citizen_sequence)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (application_id) do update set state = $2, route = $3, application = $4, deadline_kind = $5,
         deadline_at = $6, last_procedure_status_at = $7, case_number = $8, settled_payment = $9,
         delivered_at = $10, citizen_state = $11, citizen_sequence = $12, updated_at = now(),
         state_since = case when case_router_cases.state = $2 then case_router_cases.state_since else now() end,
         stuck_reported_at = case when case_router_cases.state = $2 then case_router_cases.stuck_reported_at end`,
      [
        after.applicationId,
        after.state,
        after.route === null ? null : JSON.stringify(after.route),
        applicationType.toBuffer(after.application),
        after.deadline?.kind ?? null,
        after.deadline?.at ?? null,
        after.lastProcedureStatusAt,
        after.caseNumber,
        after.settledPayment === null ? null : JSON.stringify(after.settledPayment),
        after.deliveredAt,
        after.citizenState,
        after.citizenSequence,
      ],
    );
    await tx.query(
      'insert into case_router_history (application_id, event_id, from_state, to_state, note) values ($1, $2, $3, $4, $5)',
      [after.applicationId, eventId, before?.state ?? null, after.state, note],
    );
  }

  /** Applications whose deadline has passed, oldest first. */
  async overdue(now: Date, limit = 100): Promise<string[]> {
    const { rows } = await this.pool.query<{ application_id: string }>(
      'select application_id from case_router_cases where deadline_at <= $1 order by deadline_at limit $2',
      [now, limit],
    );
    return rows.map((row) => row.application_id);
  }

  /** Per state (not final), the applications whose state has not changed since `cutoff`. */
  async stuckCounts(cutoff: Date): Promise<Map<CaseState, number>> {
    const { rows } = await this.pool.query<{ state: CaseState; count: string }>(
      `select state, count(*) from case_router_cases
       where state_since < $1 and not (state = any($2)) group by state`,
      [cutoff, [...finalStates]],
    );
    return new Map(rows.map((row) => [row.state, Number(row.count)]));
  }

  /**
   * Marks applications stuck since `cutoff` and not marked yet, and returns them: each once, also
   * with several router instances (rows another instance is marking are skipped, not waited for).
   */
  async markStuck(
    cutoff: Date,
    limit = 100,
  ): Promise<{ applicationId: string; state: CaseState; since: Date }[]> {
    const { rows } = await this.pool.query<{
      application_id: string;
      state: CaseState;
      state_since: Date;
    }>(
      `update case_router_cases set stuck_reported_at = now()
       where application_id in (
         select application_id from case_router_cases
         where state_since < $1 and stuck_reported_at is null and not (state = any($2))
         order by state_since limit $3 for update skip locked)
       returning application_id, state, state_since`,
      [cutoff, [...finalStates], limit],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      state: row.state,
      since: row.state_since,
    }));
  }

  async history(applicationId: string): Promise<{ toState: CaseState; note: string }[]> {
    const { rows } = await this.pool.query<{ to_state: CaseState; note: string }>(
      'select to_state, note from case_router_history where application_id = $1 order by seq',
      [applicationId],
    );
    return rows.map((row) => ({ toState: row.to_state, note: row.note }));
  }
}
