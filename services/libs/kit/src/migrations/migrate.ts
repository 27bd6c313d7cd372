import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import { HubError } from '@hub/errors';

/** One owner's folder of `NNNN_name.sql` files, tracked in the table `<owner>_migrations`. */
export interface MigrationSet {
  /** A project name such as `case-router`; dashes become underscores in the tracking table. */
  readonly owner: string;
  readonly folder: URL;
}

export interface MigrateOptions {
  /** Where the tables and the tracking tables go; the connection's default (`public`) if unset. */
  readonly schema?: string;
}

/** The kit's own tables (the idempotency ledger), shared by every service of a database. */
export const kitMigrations: MigrationSet = {
  owner: 'kit',
  folder: new URL('../../migrations/', import.meta.url),
};

const identifier = /^[a-z_][a-z0-9_]*$/;

function trackingTable(owner: string): string {
  const table = `${owner.replaceAll('-', '_')}_migrations`;
  if (!identifier.test(table))
    throw new HubError('KIT_MIGRATION_OWNER', `Not a migration owner: ${owner}`, {
      retryable: false,
    });
  return table;
}

/** A lock per tracking table: instances of one service queue, different services never wait. */
function lockValue(schema: string, table: string): number {
  // 48 bits: a safe integer for node-pg-migrate, which writes the number into its SQL.
  return parseInt(createHash('sha256').update(`${schema}.${table}`).digest('hex').slice(0, 12), 16);
}

/**
 * Applies each set's pending files in order, each set in one transaction under the tool's advisory
 * lock; a second instance starting at the same time waits, then finds nothing left to do. Returns
 * the names of the files it applied. A file once applied is never edited: a change is a new file.
 */
export async function migrate(
  pool: pg.Pool,
  sets: readonly MigrationSet[],
  options: MigrateOptions = {},
): Promise<string[]> {
  const schema = options.schema ?? 'public';
  const applied: string[] = [];
  for (const set of sets) {
    const migrationsTable = trackingTable(set.owner);
    const client = await pool.connect();
    try {
      const ran = await runner({
        dbClient: client,
        dir: fileURLToPath(set.folder),
        migrationsTable,
        schema,
        direction: 'up',
        checkOrder: true,
        singleTransaction: true,
        lockValue: lockValue(schema, migrationsTable),
        advisoryLockMode: 'wait',
        log: () => undefined,
      });
      applied.push(...ran.map((migration) => `${set.owner}/${migration.name}`));
    } finally {
      // The runner sets the search path on this connection; it must not return to the pool so.
      await client.query('reset search_path').then(
        () => {
          client.release();
        },
        (error: unknown) => {
          client.release(error instanceof Error ? error : true);
        },
      );
    }
  }
  return applied;
}
