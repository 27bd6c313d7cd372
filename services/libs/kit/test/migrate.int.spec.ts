import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import type pg from 'pg';
import { kitMigrations, migrate, type MigrationSet } from '../src/index.js';
import { privateDatabase } from './private-database.js';

/** A service's migrations folder with the given files, removed when the test finishes. */
function givenAMigrationsFolder(owner: string, files: Record<string, string>): MigrationSet {
  const folder = mkdtempSync(join(tmpdir(), `${owner}-migrations-`));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  onTestFinished(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  return { owner, folder: pathToFileURL(`${folder}/`) };
}

async function tables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((row) => row.table_name);
}

const widgets = {
  '0001_widgets.sql': 'create table widgets (id int primary key);',
  '0002_widget-names.sql': 'alter table widgets add column name text;',
};

describe('versioned migrations', () => {
  it('applies the kit and a service folder once, each tracked in its own table', async () => {
    const database = await privateDatabase();
    const pool = database.pool();
    const service = givenAMigrationsFolder('demo-service', widgets);

    const first = await migrate(pool, [kitMigrations, service]);
    const second = await migrate(pool, [kitMigrations, service]);

    expect(first).toEqual([
      'kit/0001_idempotency-ledger',
      'kit/0002_ledger-claims',
      'demo-service/0001_widgets',
      'demo-service/0002_widget-names',
    ]);
    expect(second).toEqual([]);
    expect(await tables(pool)).toEqual([
      'demo_service_migrations',
      'kit_migrations',
      'kit_processed_events',
      'widgets',
    ]);
  });

  it('applies every file once when two instances start at the same moment', async () => {
    const database = await privateDatabase();
    const service = givenAMigrationsFolder('demo-service', {
      ...widgets,
      '0003_slow.sql': 'select pg_sleep(0.5); create table slow_widgets (id int);',
    });

    const [one, two] = await Promise.all([
      migrate(database.pool(), [kitMigrations, service]),
      migrate(database.pool(), [kitMigrations, service]),
    ]);

    expect([...one, ...two].sort()).toEqual([
      'demo-service/0001_widgets',
      'demo-service/0002_widget-names',
      'demo-service/0003_slow',
      'kit/0001_idempotency-ledger',
      'kit/0002_ledger-claims',
    ]);
  });

  it('keeps services apart: the same file name in two services runs for each', async () => {
    const database = await privateDatabase();
    const pool = database.pool();
    const first = givenAMigrationsFolder('first', {
      '0001_init.sql': 'create table first_t (x int);',
    });
    const second = givenAMigrationsFolder('second', {
      '0001_init.sql': 'create table second_t (x int);',
    });

    await migrate(pool, [first]);
    expect(await migrate(pool, [second])).toEqual(['second/0001_init']);
    expect(await tables(pool)).toEqual(
      expect.arrayContaining(['first_migrations', 'first_t', 'second_migrations', 'second_t']),
    );
  });

  it('rolls the whole set back when one file fails, and names the file', async () => {
    const database = await privateDatabase();
    const pool = database.pool();
    const service = givenAMigrationsFolder('demo-service', {
      '0001_widgets.sql': widgets['0001_widgets.sql'],
      '0002_broken.sql': 'alter table no_such_table add column x int;',
    });

    await expect(migrate(pool, [service])).rejects.toThrow(/no_such_table/);
    expect(await tables(pool)).toEqual(['demo_service_migrations']);
  });

  it('creates the ledger in a schema of its own when asked', async () => {
    const database = await privateDatabase();
    const pool = database.pool();
    await pool.query('create schema tenant_a');

    await migrate(pool, [kitMigrations], { schema: 'tenant_a' });

    const { rows } = await pool.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'tenant_a' order by 1`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(['kit_migrations', 'kit_processed_events']);
    expect(await tables(pool)).toEqual([]);
  });
});
