import type pg from 'pg';

const name = 'kit_ledger_effect';

export interface SavepointingClient {
  /** The transaction as the effect sees it: its first query sets the savepoint. */
  readonly client: pg.PoolClient;
  /** The effect succeeded: its writes stay in the transaction. */
  release(): Promise<void>;
  /** The effect failed: its writes go, the transaction carries on (and is usable again). */
  rollback(): Promise<void>;
}

/**
 * One effect of a shared ledger transaction, undoable on its own. The savepoint is set only
 * when the effect first queries (an effect that writes nothing costs no round trip); it is queued
 * on the connection ahead of that query, and pg runs a connection's queries in order.
 */
export function savepointing(tx: pg.PoolClient): SavepointingClient {
  let savepointSet = false;
  const query = (...args: unknown[]): unknown => {
    if (!savepointSet) {
      savepointSet = true;
      // Should this fail, so does the query behind it, which the effect sees.
      tx.query(`savepoint ${name}`).catch(() => undefined);
    }
    return (tx.query as (...queryArgs: unknown[]) => unknown)(...args);
  };
  const client = new Proxy(tx, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return {
    client,
    async release() {
      if (savepointSet) await tx.query(`release savepoint ${name}`);
    },
    async rollback() {
      if (savepointSet) await tx.query(`rollback to savepoint ${name}; release savepoint ${name}`);
    },
  };
}
