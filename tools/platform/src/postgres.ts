import { join } from 'node:path';
import pg from 'pg';
import { repoRoot, stackTag, type StackLayout } from './layout.js';
import type { Part } from './part.js';

/**
 * The database this clone's hub uses on a local server: one per stack home (so per clone, or per
 * PLATFORM_HOME), created on `up` and dropped by `down`, so two clones never see each other's
 * applications and a fresh clone starts empty.
 */
export function hubDatabase(layout: StackLayout): string {
  return `hub_${stackTag(layout)}`;
}

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

/** Whether a PostgreSQL at `url` runs a query. */
export async function databaseAnswers(url: string): Promise<boolean> {
  return ping(url).then(
    () => true,
    () => false,
  );
}

async function onServer(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: `${localServer}/postgres` });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function ensureHubDatabase(name: string): Promise<void> {
  await onServer(async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`create database ${name}`);
  });
}

/**
 * Drops this stack's database on the local server (with its connections), as `down` drops Kafka's
 * data; a database named by DATABASE_URL is never touched. True if there was one.
 */
export async function dropHubDatabase(layout: StackLayout): Promise<boolean> {
  if (process.env.DATABASE_URL || !(await databaseAnswers(`${localServer}/postgres`))) return false;
  let dropped = false;
  await onServer(async (client) => {
    const name = hubDatabase(layout);
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) return;
    await client.query(`drop database ${name} with (force)`);
    dropped = true;
  });
  return dropped;
}

export function embeddedPostgresUrl(layout: StackLayout): string {
  return `postgres://postgres@127.0.0.1:${layout.embeddedPostgresPort}/postgres`;
}

/** DATABASE_URL if set, else the machine's PostgreSQL on 127.0.0.1:5432, else the embedded one. */
export async function chooseDatabase(layout: StackLayout): Promise<DatabaseChoice> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, source: 'DATABASE_URL' };
  if (await databaseAnswers(`${localServer}/postgres`)) {
    await ensureHubDatabase(hubDatabase(layout));
    return { url: `${localServer}/${hubDatabase(layout)}`, source: 'local server' };
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
    isReady: () => databaseAnswers(url),
  };
}
