import type pg from 'pg';
import { emptyWhenMissing } from './missing-table.js';

/*
 * Reads the case router's tables (services/case-router/src/case-store.ts), never writes them.
 * The stored application (bytea) holds personal data and is never selected.
 */

export interface CaseSummary {
  readonly applicationId: string;
  readonly state: string;
  readonly caseNumber: string | null;
  readonly updatedAt: Date;
}

export interface CaseStep {
  readonly eventId: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly note: string;
  readonly recordedAt: Date;
}

/** The router's final states (case.ts): a case in one of them is done, never stuck. */
const finalStates = ['COMPLETED', 'REJECTED', 'CANCELLED', 'UNROUTABLE'];

interface CaseRow {
  application_id: string;
  state: string;
  case_number: string | null;
  updated_at: Date;
}

const toSummary = (row: CaseRow): CaseSummary => ({
  applicationId: row.application_id,
  state: row.state,
  caseNumber: row.case_number,
  updatedAt: row.updated_at,
});

export class CaseHistory {
  constructor(private readonly pool: pg.Pool) {}

  async caseOf(applicationId: string): Promise<CaseSummary | undefined> {
    const rows = await emptyWhenMissing(async () => {
      const result = await this.pool.query<CaseRow>(
        'select application_id, state, case_number, updated_at from case_router_cases where application_id = $1',
        [applicationId],
      );
      return result.rows;
    });
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async stepsOf(applicationId: string): Promise<CaseStep[]> {
    return emptyWhenMissing(async () => {
      const { rows } = await this.pool.query<{
        event_id: string;
        from_state: string | null;
        to_state: string;
        note: string;
        recorded_at: Date;
      }>(
        'select event_id, from_state, to_state, note, recorded_at from case_router_history where application_id = $1 order by seq',
        [applicationId],
      );
      return rows.map((row) => ({
        eventId: row.event_id,
        fromState: row.from_state,
        toState: row.to_state,
        note: row.note,
        recordedAt: row.recorded_at,
      }));
    });
  }

  /** Cases not in a final state whose last change is older than `minutes` (may be a fraction), oldest first. */
  async stuck(minutes: number, limit = 500): Promise<CaseSummary[]> {
    return emptyWhenMissing(async () => {
      const { rows } = await this.pool.query<CaseRow>(
        `select application_id, state, case_number, updated_at from case_router_cases
         where state <> all($1) and updated_at < now() - $2::float8 * interval '1 minute'
         order by updated_at limit $3`,
        [finalStates, minutes, limit],
      );
      return rows.map(toSummary);
    });
  }
}
