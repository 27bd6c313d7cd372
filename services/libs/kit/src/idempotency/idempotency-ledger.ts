import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { HubError } from '@hub/errors';
import { kitMigrations, migrate } from '../migrations/migrate.js';
import { GroupCommit, type GroupCommitLimits, type Once } from './group-commit.js';

export type { Once } from './group-commit.js';

const schemaName = /^[a-z_][a-z0-9_]*$/;

export interface LedgerOptions {
  /** The schema the kit's migrations created `kit_processed_events` in; `public` if unset. */
  readonly schema?: string;
  /**
   * How long a claim of `onceRemote` holds without renewal. The claimant renews it every third of
   * this while its call runs, so it bounds only how long a crashed claimant's event waits before
   * another delivery takes it over. 15 s if unset.
   */
  readonly claimLeaseMs?: number;
  /**
   * How `once` calls share transactions: at most `maxBatch` calls (100 if unset) in one, at most
   * `maxConcurrent` open at once (the pool's size if unset: as many as `once` could hold before).
   */
  readonly groupCommit?: Partial<GroupCommitLimits>;
}

/** How often a delivery that found the event claimed by another looks again. */
const claimPollMs = 250;

/**
 * Which events each handler has already had its effect for. `once` writes the ledger row and the
 * effect in one transaction: either both are there or neither is, so a redelivered event (after a
 * crash, a rebalance or a replay) finds its row and does nothing.
 */
export class IdempotencyLedger {
  private readonly table: string;
  private readonly leaseMs: number;
  private readonly groupCommit: GroupCommit;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: LedgerOptions = {},
  ) {
    if (options.schema !== undefined && !schemaName.test(options.schema))
      throw new HubError('KIT_LEDGER_SCHEMA_NAME', `Not a schema name: ${options.schema}`, {
        retryable: false,
      });
    this.table = `${options.schema ?? 'public'}.kit_processed_events`;
    this.leaseMs = options.claimLeaseMs ?? 15_000;
    this.groupCommit = new GroupCommit(pool, this.table, {
      maxBatch: options.groupCommit?.maxBatch ?? 100,
      maxConcurrent: options.groupCommit?.maxConcurrent ?? pool.options.max,
    });
  }

  /** Runs the kit's versioned migrations, which own the ledger table. */
  async migrate(): Promise<void> {
    await migrate(this.pool, [kitMigrations], this.options);
  }

  /**
   * Runs `effect` unless `handler` has done so for `eventId` before. The effect gets the
   * transaction; what it writes through it commits with the ledger row. A duplicate arriving
   * while the first is still running waits for it on the primary key, then skips. Calls arriving
   * together share one transaction, each effect in its own savepoint (see GroupCommit): an effect
   * must not wait for anything outside the database, or it holds up its batch (use `onceRemote`).
   */
  once<T>(
    eventId: string,
    handler: string,
    effect: (tx: pg.PoolClient) => Promise<T>,
  ): Promise<Once<T>> {
    return this.groupCommit.once(eventId, handler, effect);
  }

  /**
   * `once` for an effect outside this database (a SOAP call, an HTTP delivery, a Kafka publish):
   * no transaction and no pooled connection is held while it runs (ADR 0022). The event is
   * claimed in one statement, the claim is renewed while the effect runs, then the event is marked
   * done. A failed effect gives the claim back, so its retry runs at once. A duplicate arriving
   * meanwhile waits for the claim to end, then skips or (the claimant crashed, its claim ran out)
   * takes over: the effect may then run a second time, which the remote side recognises by the
   * deterministic ids it carries.
   */
  async onceRemote<T>(
    eventId: string,
    handler: string,
    effect: () => Promise<T>,
  ): Promise<Once<T>> {
    if (!(await this.claim(eventId, handler))) return { applied: false };
    const renewal = setInterval(() => {
      // A renewal that fails lets the claim run out: at worst a second delivery repeats the call.
      this.pool
        .query(
          `update ${this.table} set claimed_until = now() + $3 * interval '1 millisecond'
           where handler = $1 and event_id = $2 and not done`,
          [handler, eventId, this.leaseMs],
        )
        .catch(() => undefined);
    }, this.leaseMs / 3);
    let result: T;
    try {
      result = await effect();
    } catch (error) {
      clearInterval(renewal);
      await this.pool
        .query(`delete from ${this.table} where handler = $1 and event_id = $2 and not done`, [
          handler,
          eventId,
        ])
        // The claim then simply runs out.
        .catch(() => undefined);
      throw error;
    }
    clearInterval(renewal);
    await this.pool.query(
      `update ${this.table} set done = true, claimed_until = null, processed_at = now()
       where handler = $1 and event_id = $2`,
      [handler, eventId],
    );
    return { applied: true, result };
  }

  /** True when this delivery holds the claim; false when the effect is done already. */
  private async claim(eventId: string, handler: string): Promise<boolean> {
    for (;;) {
      const claimed = await this.pool.query(
        `insert into ${this.table} as ledger (handler, event_id, done, claimed_until)
         values ($1, $2, false, now() + $3 * interval '1 millisecond')
         on conflict (handler, event_id) do update set claimed_until = excluded.claimed_until
           where not ledger.done and ledger.claimed_until < now()`,
        [handler, eventId, this.leaseMs],
      );
      if (claimed.rowCount === 1) return true;
      const { rows } = await this.pool.query<{ done: boolean }>(
        `select done from ${this.table} where handler = $1 and event_id = $2`,
        [handler, eventId],
      );
      if (rows[0]?.done === true) return false;
      // Claimed by another delivery (or given back just now): look again shortly.
      await sleep(claimPollMs);
    }
  }
}
