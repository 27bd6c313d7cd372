import type pg from 'pg';
import { hubSteps } from '@hub/citizen-notices';
import { migrate } from '@hub/kit';
import { portalGatewayMigrations } from '../migrations.js';

/** One step of an application's way through the systems, as the citizen sees it. */
export interface TimelineEntry {
  readonly state: string;
  readonly text: string;
  readonly actionRequired: boolean;
  readonly occurredAt: string;
}

export interface ApplicationView {
  readonly applicationId: string;
  readonly state: string;
  readonly text: string;
  readonly actionRequired: boolean;
  readonly timeline: readonly TimelineEntry[];
}

/** The gateway's own tables: who owns which application, and its citizen timeline (a projection). */
export class ApplicationRegistry {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [portalGatewayMigrations]);
  }

  async recordSubmission(
    applicationId: string,
    citizenAccount: string,
    submittedAt: Date,
  ): Promise<void> {
    await this.pool.query(
      `insert into portal_gateway_applications (application_id, citizen_account, submitted_at)
       values ($1, $2, $3) on conflict (application_id) do nothing`,
      [applicationId, citizenAccount, submittedAt],
    );
  }

  async ownerOf(applicationId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ citizen_account: string }>(
      'select citizen_account from portal_gateway_applications where application_id = $1',
      [applicationId],
    );
    return rows[0]?.citizen_account;
  }

  /**
   * Adds a step once (a redelivered event changes nothing) and wakes the live streams. `sequence`
   * is the step's place in the timeline as the case router numbered it (0: before numbering).
   * Steps of applications that came through another door (FIT-Connect) are not the portal's: the
   * gateway records each of its own before publishing it, so an unknown id is never one of ours
   * arriving early. They are passed over, not dead-lettered (their citizen reads the postbox).
   */
  async recordStep(
    applicationId: string,
    eventId: string,
    entry: TimelineEntry,
    sequence: number,
  ): Promise<void> {
    await this.pool.query(
      `insert into portal_gateway_timeline (application_id, event_id, state, text, action_required, occurred_at, sequence)
       select $1::uuid, $2::uuid, $3::text, $4::text, $5::boolean, $6::timestamptz, $7::bigint
       where exists (select 1 from portal_gateway_applications where application_id = $1::uuid)
       on conflict do nothing`,
      [
        applicationId,
        eventId,
        entry.state,
        entry.text,
        entry.actionRequired,
        entry.occurredAt,
        sequence,
      ],
    );
    await this.pool.query('select pg_notify($1, $2)', [timelineChannel, applicationId]);
  }

  /**
   * The timeline in the case router's order (its sequence), not in the order we heard of the steps;
   * steps from before the sequence (0) come first, by when they happened in their system.
   */
  async view(applicationId: string): Promise<ApplicationView | undefined> {
    const owner = await this.ownerOf(applicationId);
    if (owner === undefined) return undefined;
    const { rows } = await this.pool.query<{
      state: string;
      text: string;
      action_required: boolean;
      occurred_at: Date;
    }>(
      `select state, text, action_required, occurred_at from portal_gateway_timeline
       where application_id = $1 order by sequence, occurred_at, event_id`,
      [applicationId],
    );
    const timeline = rows.map((row) => ({
      state: row.state,
      text: row.text,
      actionRequired: row.action_required,
      occurredAt: row.occurred_at.toISOString(),
    }));
    const current = timeline.at(-1) ?? submittedStep;
    return {
      applicationId,
      state: current.state,
      text: current.text,
      actionRequired: current.actionRequired,
      timeline,
    };
  }
}

/** PostgreSQL NOTIFY channel on which the timeline announces a changed application. */
export const timelineChannel = 'portal_gateway_timeline';

// Shown until the case router's first change arrives: the same words it will publish (one catalogue).
const submittedStep = {
  state: hubSteps.submitted.state,
  text: hubSteps.submitted.statusText,
  actionRequired: hubSteps.submitted.actionRequired,
};
