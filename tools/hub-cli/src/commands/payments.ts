import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadReconcileInput } from '../payments/load-reconcile-input.js';
import { reconcile, renderReport } from '../payments/reconcile.js';

export const summary =
  'reconcile --from <date> --to <date>: payments by state, mismatches with delivery (exit 1)';

const usage = [
  'usage: npm run hub -- payments reconcile --from <date> --to <date>',
  '  dates as YYYY-MM-DD or ISO timestamps; --to is exclusive (a bare date means that day’s start)',
  '  (database from DATABASE_URL; exit code 1 when mismatches exist)',
].join('\n');

export async function run(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  const from = new Date(values.from ?? '');
  const to = new Date(values.to ?? '');
  if (
    positionals[0] !== 'reconcile' ||
    Number.isNaN(from.getTime()) ||
    Number.isNaN(to.getTime())
  ) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const db = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub',
  });
  await db.connect();
  try {
    const { payments, cases } = await loadReconcileInput(db, from, to);
    const report = reconcile(payments, cases);
    console.log(`payments ${from.toISOString()} – ${to.toISOString()}\n`);
    console.log(renderReport(report));
    if (report.mismatches.length > 0) process.exitCode = 1;
  } finally {
    await db.end();
  }
}
