import { createHash } from 'node:crypto';
import type pg from 'pg';
import { migrate } from '@hub/kit';
import { portalGatewayMigrations } from '../migrations.js';

/** What a first request with an idempotency key left behind, to be answered again verbatim. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in-progress' }
  | { outcome: 'conflict' };

export function bodyFingerprint(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

/**
 * `Idempotency-Key` bookkeeping in PostgreSQL: the first request with a key claims it; the same key
 * with the same body gets the first response again; with another body it is a conflict. A claim whose
 * request failed is released, so the client's retry can succeed.
 */
export class IdempotencyStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Applies this service's versioned migrations (the folder `migrations/`). */
  async migrate(): Promise<void> {
    await migrate(this.pool, [portalGatewayMigrations]);
  }

  async claim(clientId: string, key: string, fingerprint: string): Promise<Claim> {
    const inserted = await this.pool.query(
      `insert into portal_gateway_idempotency (client_id, idempotency_key, body_sha256)
       values ($1, $2, $3) on conflict do nothing`,
      [clientId, key, fingerprint],
    );
    if (inserted.rowCount === 1) return { outcome: 'claimed' };
    const { rows } = await this.pool.query<{
      body_sha256: string;
      response_status: number | null;
      response_body: unknown;
    }>(
      'select body_sha256, response_status, response_body from portal_gateway_idempotency where client_id = $1 and idempotency_key = $2',
      [clientId, key],
    );
    const existing = rows[0];
    if (!existing) return this.claim(clientId, key, fingerprint);
    if (existing.body_sha256 !== fingerprint) return { outcome: 'conflict' };
    if (existing.response_status === null) return { outcome: 'in-progress' };
    return {
      outcome: 'replay',
      response: { status: existing.response_status, body: existing.response_body },
    };
  }

  async complete(clientId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      'update portal_gateway_idempotency set response_status = $3, response_body = $4 where client_id = $1 and idempotency_key = $2',
      [clientId, key, response.status, JSON.stringify(response.body)],
    );
  }

  async release(clientId: string, key: string): Promise<void> {
    await this.pool.query(
      'delete from portal_gateway_idempotency where client_id = $1 and idempotency_key = $2 and response_status is null',
      [clientId, key],
    );
  }
}
