import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { migrate } from '@hub/kit';
import { xbauConnectorMigrations } from '../migrations.js';

/**
 * Replies too large for a dead letter, kept whole; the dead letter carries the claim-check
 * reference instead of the bytes. PostgreSQL's bytea holds up to 1 GB, far above any XTA message.
 */
export class ClaimChecks {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [xbauConnectorMigrations]);
  }

  /** Stores the payload and returns the reference a dead letter names it by. */
  async keep(xtaMessageId: string, payload: Buffer): Promise<string> {
    const ref = randomUUID();
    await this.pool.query(
      `insert into xbau_connector_claim_checks (ref, xta_message_id, payload, bytes)
       values ($1, $2, $3, $4)`,
      [ref, xtaMessageId, payload, payload.length],
    );
    return ref;
  }

  async payloadOf(ref: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ payload: Buffer }>(
      'select payload from xbau_connector_claim_checks where ref = $1',
      [ref],
    );
    return rows[0]?.payload;
  }
}
