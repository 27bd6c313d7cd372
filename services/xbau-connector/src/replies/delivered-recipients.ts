import type pg from 'pg';
import { migrate } from '@hub/kit';
import { xbauConnectorMigrations } from '../migrations.js';

/**
 * Which authority each application was sent to, written before the 0200 leaves, so that a reply
 * can only come from there: a reply by any other author is forged or misrouted. Beside it, the
 * application's trace context, so the replies fetched later join the application's trace.
 */
export class DeliveredRecipients {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [xbauConnectorMigrations]);
  }

  /** The latest delivery wins: a case re-routed to another authority answers from there. */
  async remember(applicationId: string, authorityId: string, traceparent?: string): Promise<void> {
    await this.pool.query(
      `insert into xbau_connector_recipients (application_id, authority_id, traceparent)
       values ($1, $2, $3)
       on conflict (application_id) do update
         set authority_id = excluded.authority_id, traceparent = excluded.traceparent,
             recorded_at = now()`,
      [applicationId, authorityId, traceparent ?? null],
    );
  }

  /** The W3C trace context the application's delivery request carried, if any. */
  async traceOf(applicationId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ traceparent: string | null }>(
      'select traceparent from xbau_connector_recipients where application_id = $1',
      [applicationId],
    );
    return rows[0]?.traceparent ?? undefined;
  }

  async authorityOf(applicationId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ authority_id: string }>(
      'select authority_id from xbau_connector_recipients where application_id = $1',
      [applicationId],
    );
    return rows[0]?.authority_id;
  }
}
