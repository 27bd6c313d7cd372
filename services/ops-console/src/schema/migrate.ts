import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const schemaDir = new URL('./', import.meta.url);
/** Any constant: serialises console instances that start together. */
const migrationLock = 0x0a5c0501;

/**
 * Applies `NNNN-*.sql` of this folder in order, each once, recorded in
 * `ops_console_schema_versions`; a file once applied is never edited, a change is a new file.
 */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const files = readdirSync(schemaDir)
    .filter((name) => /^\d{4}-.+\.sql$/.test(name))
    .sort();
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLock]);
    await client.query(
      'create table if not exists ops_console_schema_versions (file text primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await client.query<{ file: string }>(
      'select file from ops_console_schema_versions',
    );
    const applied = new Set(rows.map((row) => row.file));
    const pending = files.filter((file) => !applied.has(file));
    for (const file of pending) {
      await client.query('begin');
      await client.query(readFileSync(new URL(file, schemaDir), 'utf8'));
      await client.query('insert into ops_console_schema_versions (file) values ($1)', [file]);
      await client.query('commit');
    }
    return pending;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLock]).catch(() => undefined);
    client.release();
  }
}
