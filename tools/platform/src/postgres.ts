import { join } from 'node:path';
import pg from 'pg';
import { repoRoot, type StackLayout } from './layout.js';
import type { Part } from './part.js';

/** The database the hub's services use on a local server; created on first `up`. */
export const hubDatabase = 'hub';

const localServer = 'postgres://postgres@127.0.0.1:5432';

export type DatabaseSource = 'DATABASE_URL' | 'local server' | 'embedded (PGlite)';

export interface DatabaseChoice {
  readonly url: string;
  readonly source: DatabaseSource;
}

/** Resolves when a connection to `url` runs a query, rejects with the driver's error otherwise. */
async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function answers(url: string): Promise<boolean> {
  return ping(url).then(
    () => true,
    () => false,
  );
}

async function ensureHubDatabase(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [
      hubDatabase,
    ]);
    if (existing.rowCount === 0) await client.query(`create database ${hubDatabase}`);
  } finally {
    await client.end();
  }
}

export function embeddedPostgresUrl(layout: StackLayout): string {
  return `postgres://postgres@127.0.0.1:${layout.embeddedPostgresPort}/postgres`;
}

/** DATABASE_URL if set, else the machine's PostgreSQL on 127.0.0.1:5432, else the embedded one. */
export async function chooseDatabase(layout: StackLayout): Promise<DatabaseChoice> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, source: 'DATABASE_URL' };
  if (await answers(`${localServer}/postgres`)) {
    await ensureHubDatabase(localServer);
    return { url: `${localServer}/${hubDatabase}`, source: 'local server' };
  }
  return { url: embeddedPostgresUrl(layout), source: 'embedded (PGlite)' };
}

export function embeddedPostgresPart(layout: StackLayout): Part {
  const url = embeddedPostgresUrl(layout);
  return {
    name: 'postgres-embedded',
    ports: [layout.embeddedPostgresPort],
    address: url,
    command(_artifacts, processTag) {
      return {
        command: process.execPath,
        args: [
          '--import',
          // Absolute, so the detached process finds tsx whatever its working directory.
          import.meta.resolve('tsx'),
          join(repoRoot, 'tools/platform/src/embedded-postgres-server.ts'),
          String(layout.embeddedPostgresPort),
          join(layout.home, 'pglite'),
          processTag,
        ],
      };
    },
    isReady: () => answers(url),
  };
}
