import type pg from 'pg';
import { emptyWhenMissing } from './missing-table.js';

/** A step of the citizen's timeline as the portal gateway projected it (its own table, read only). */
export interface CitizenStep {
  readonly state: string;
  readonly text: string;
  readonly occurredAt: Date;
}

export class CitizenTimeline {
  constructor(private readonly pool: pg.Pool) {}

  async stepsOf(applicationId: string): Promise<CitizenStep[]> {
    return emptyWhenMissing(async () => {
      const { rows } = await this.pool.query<{ state: string; text: string; occurred_at: Date }>(
        'select state, text, occurred_at from portal_gateway_timeline where application_id = $1 order by occurred_at',
        [applicationId],
      );
      return rows.map((row) => ({ state: row.state, text: row.text, occurredAt: row.occurred_at }));
    });
  }
}
