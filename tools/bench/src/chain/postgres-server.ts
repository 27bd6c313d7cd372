import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * The process id of the PostgreSQL server behind `databaseUrl` when it runs on this machine (the
 * parent of the backend that answers us), so its CPU is counted with the hub's; else undefined.
 */
export async function localPostgresServerPid(databaseUrl: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = rows[0]?.pid;
    if (backend === undefined) return undefined;
    const parent = /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${backend}/status`, 'utf8'))?.[1];
    return parent === undefined ? undefined : Number(parent);
  } catch {
    // Another machine's server, or none: its CPU is not ours to measure.
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}
