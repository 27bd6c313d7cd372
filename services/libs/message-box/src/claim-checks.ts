import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Messages too large for a dead letter, kept whole in a table of the service (its migrations
 * create it: ref uuid, xta_message_id text, payload bytea, bytes int); the dead letter carries
 * the claim-check reference instead of the bytes. bytea holds up to 1 GB, far above any XTA message.
 */
export class ClaimChecks {
  constructor(
    private readonly pool: pg.Pool,
    /** The service's claim-check table, e.g. `xbau_connector_claim_checks`. */
    private readonly table: string,
  ) {}

  /** Stores the payload and returns the reference a dead letter names it by. */
  async keep(xtaMessageId: string, payload: Buffer): Promise<string> {
    const ref = randomUUID();
    await this.pool.query(
      `insert into ${this.table} (ref, xta_message_id, payload, bytes) values ($1, $2, $3, $4)`,
      [ref, xtaMessageId, payload, payload.length],
    );
    return ref;
  }

  async payloadOf(ref: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ payload: Buffer }>(
      `select payload from ${this.table} where ref = $1`,
      [ref],
    );
    return rows[0]?.payload;
  }
}
