import { AsyncResource } from 'node:async_hooks';
import type pg from 'pg';
import { HubError } from '@hub/errors';
import { savepointing } from './savepointing.js';

export type Once<T> = { readonly applied: true; readonly result: T } | { readonly applied: false };

export type Effect<T> = (tx: pg.PoolClient) => Promise<T>;

export interface GroupCommitLimits {
  /** The most calls one transaction takes. */
  readonly maxBatch: number;
  /** The most transactions (pooled connections) open at once. */
  readonly maxConcurrent: number;
}

interface Call {
  /** Handler and event id: what the ledger's primary key says. */
  readonly key: string;
  readonly handler: string;
  readonly eventId: string;
  readonly effect: Effect<unknown>;
  readonly resolve: (once: Once<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly once: Once<unknown> } | { readonly error: unknown };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The transactional `once` of many calls at a time (ADR 0004, addendum 2026-12-03): the calls that
 * arrive while the event loop turns share one transaction: one statement claims all their events,
 * each claimed effect runs in turn inside its own savepoint (one failing effect is rolled back
 * with its claim, the others stay), one commit makes every ledger row durable together with its
 * effect. A call learns its outcome only after that commit.
 */
export class GroupCommit {
  private queue: Call[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly pool: Pick<pg.Pool, 'connect'>,
    private readonly table: string,
    private readonly limits: GroupCommitLimits,
  ) {}

  once<T>(eventId: string, handler: string, effect: Effect<T>): Promise<Once<T>> {
    if (!uuid.test(eventId))
      return Promise.reject(
        new HubError('KIT_EVENT_ID_NOT_UUID', 'The event id is not a UUID.', { retryable: false }),
      );
    return new Promise<Once<T>>((resolve, reject) => {
      const key = keyOf(handler, eventId);
      this.queue.push({
        key,
        handler,
        eventId,
        // The batch runs in the context of whoever opened it; each effect keeps its caller's
        // (the trace its spans and published records belong to).
        effect: AsyncResource.bind(effect),
        resolve: resolve as Call['resolve'],
        reject,
      });
      if (this.scheduled) return;
      this.scheduled = true;
      // Calls made in this turn of the event loop (a fetched batch's records) join one transaction.
      setImmediate(() => {
        this.scheduled = false;
        this.startBatches();
      });
    });
  }

  private startBatches(): void {
    while (this.running < this.limits.maxConcurrent && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.commit(batch).finally(() => {
        this.running--;
        this.startBatches();
      });
    }
  }

  /**
   * The next calls in arrival order, each event once: a second call for an event waits for the
   * next batch, where it finds the first's claim (committed, or given back if its effect failed).
   */
  private take(): Call[] {
    const batch: Call[] = [];
    const rest: Call[] = [];
    const keys = new Set<string>();
    for (const call of this.queue) {
      if (batch.length < this.limits.maxBatch && !keys.has(call.key)) {
        keys.add(call.key);
        batch.push(call);
      } else rest.push(call);
    }
    this.queue = rest;
    return batch;
  }

  private async commit(batch: readonly Call[]): Promise<void> {
    let tx: pg.PoolClient;
    try {
      tx = await this.pool.connect();
    } catch (error) {
      for (const call of batch) call.reject(error);
      return;
    }
    let broken: Error | undefined;
    try {
      await tx.query('begin');
      const claimed = await this.claim(tx, batch);
      const outcomes: Outcome[] = [];
      for (const call of batch)
        outcomes.push(
          claimed.has(call.key) ? await this.runEffect(tx, call) : { once: { applied: false } },
        );
      await tx.query('commit');
      batch.forEach((call, i) => {
        const outcome = outcomes[i] as Outcome;
        if ('once' in outcome) call.resolve(outcome.once);
        else call.reject(outcome.error);
      });
    } catch (error) {
      await tx.query('rollback').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is not given back to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
      });
      for (const call of batch) call.reject(error);
    } finally {
      tx.release(broken);
    }
  }

  /**
   * One statement for the whole batch, in key order: two batches claiming overlapping events lock
   * them in the same order, so they wait for each other instead of deadlocking.
   */
  private async claim(tx: pg.PoolClient, batch: readonly Call[]): Promise<Set<string>> {
    const sorted = [...batch].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const { rows } = await tx.query<{ handler: string; event_id: string }>(
      `insert into ${this.table} (handler, event_id)
       select * from unnest($1::text[], $2::uuid[])
       on conflict do nothing
       returning handler, event_id`,
      [sorted.map((call) => call.handler), sorted.map((call) => call.eventId)],
    );
    return new Set(rows.map((row) => keyOf(row.handler, row.event_id)));
  }

  private async runEffect(tx: pg.PoolClient, call: Call): Promise<Outcome> {
    const effectTx = savepointing(tx);
    try {
      const result = await call.effect(effectTx.client);
      await effectTx.release();
      return { once: { applied: true, result } };
    } catch (error) {
      await effectTx.rollback();
      // Its claim goes too, so a retry finds the event unhandled.
      await tx.query(`delete from ${this.table} where handler = $1 and event_id = $2`, [
        call.handler,
        call.eventId,
      ]);
      return { error };
    }
  }
}

function keyOf(handler: string, eventId: string): string {
  return `${handler}\u0000${eventId.toLowerCase()}`;
}
