import type pg from 'pg';

export type LeaseRound<T> = { readonly ran: true; readonly result: T } | { readonly ran: false };

/** All kit leases share this first key of PostgreSQL's two-key advisory locks. */
const leaseNamespace = 0x6c656173; // "leas"

/**
 * Scheduled work that exactly one instance of a service may do at a time (polling a message box,
 * checking open payments, scanning deadlines). Each round holds a PostgreSQL session-level
 * advisory lock named after the work on its own connection: an instance that finds the lock
 * taken skips the round, and one that dies mid-round loses the lock with its connection, so the
 * next round of another instance takes over without waiting for an expiry. No table is needed.
 */
export class Lease {
  constructor(
    private readonly pool: pg.Pool,
    /** e.g. `<service>.replies`: the same for every instance of the service. */
    readonly name: string,
  ) {}

  async runExclusive<T>(work: () => Promise<T>): Promise<LeaseRound<T>> {
    const session = await this.pool.connect();
    let destroy = false;
    try {
      const { rows } = await session.query<{ held: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as held',
        [leaseNamespace, this.name],
      );
      if (!rows[0]?.held) return { ran: false };
      try {
        return { ran: true, result: await work() };
      } finally {
        await session
          .query('select pg_advisory_unlock($1, hashtext($2))', [leaseNamespace, this.name])
          .catch(() => {
            // Closing the session is the other way to let go of the lock.
            destroy = true;
          });
      }
    } finally {
      session.release(destroy);
    }
  }
}

/**
 * `work` as a round under the lease `name`: its count, or 0 when another instance of the service
 * holds the lease this round (a RoundTimer's round in every service with several instances).
 */
export function leasedRound(
  pool: pg.Pool,
  name: string,
  work: () => Promise<number>,
): () => Promise<number> {
  const lease = new Lease(pool, name);
  return async () => {
    const round = await lease.runExclusive(work);
    return round.ran ? round.result : 0;
  };
}
