import type pg from 'pg';
import { HubError } from '@hub/errors';
import { kitMigrations, migrate } from '../migrations/migrate.js';

export type Once<T> = { readonly applied: true; readonly result: T } | { readonly applied: false };

const schemaName = /^[a-z_][a-z0-9_]*$/;

export interface LedgerOptions {
  /** The schema the kit's migrations created `kit_processed_events` in; `public` if unset. */
  readonly schema?: string;
}

/**
 * Which events each handler has already had its effect for. `once` writes the ledger row and the
 * effect in one transaction: either both are there or neither is, so a redelivered event (after a
 * crash, a rebalance or a replay) finds its row and does nothing.
 */
export class IdempotencyLedger {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: LedgerOptions = {},
  ) {
    if (options.schema !== undefined && !schemaName.test(options.schema))
      throw new HubError('KIT_LEDGER_SCHEMA_NAME', `Not a schema name: ${options.schema}`, {
        retryable: false,
      });
    this.table = `${options.schema ?? 'public'}.kit_processed_events`;
  }

  /** Runs the kit's versioned migrations, which own the ledger table. */
  async migrate(): Promise<void> {
    await migrate(this.pool, [kitMigrations], this.options);
  }

  /**
   * Runs `effect` unless `handler` has done so for `eventId` before. The effect gets the
   * transaction; what it writes through it commits with the ledger row. A duplicate arriving
   * while the first is still running waits for it on the primary key, then skips.
   */
  async once<T>(
    eventId: string,
    handler: string,
    effect: (tx: pg.PoolClient) => Promise<T>,
  ): Promise<Once<T>> {
    const tx = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await tx.query('begin');
      const claimed = await tx.query(
        `insert into ${this.table} (handler, event_id) values ($1, $2) on conflict do nothing`,
        [handler, eventId],
      );
      if (claimed.rowCount === 0) {
        await tx.query('rollback');
        return { applied: false };
      }
      const result = await effect(tx);
      await tx.query('commit');
      return { applied: true, result };
    } catch (error) {
      await tx.query('rollback').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is not given back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : undefined;
      });
      throw error;
    } finally {
      tx.release(broken);
    }
  }
}
