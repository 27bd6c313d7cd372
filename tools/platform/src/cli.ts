/**
 * The local platform launcher: `npm run platform -- up [--nodes 3] | down | status`.
 */
import { parseArgs } from 'node:util';
import { defaultLayout, prometheusUrl } from './layout.js';
import { PlatformError } from './platform-error.js';
import { hubProcessStatus } from './hub-processes.js';
import { databaseAnswers } from './postgres.js';
import { down, runningEndpoints, status, up } from './stack.js';

const usage = 'usage: npm run platform -- up [--nodes 1|3] [--with-prometheus] | down | status';

function printTable(rows: string[][]): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      nodes: { type: 'string', default: '1' },
      'with-prometheus': { type: 'boolean', default: false },
    },
  });
  const nodes = Number(values.nodes);
  if (nodes !== 1 && nodes !== 3)
    throw new PlatformError(`--nodes takes 1 or 3, got "${values.nodes}".`);
  const layout = defaultLayout(nodes);

  switch (positionals[0]) {
    case 'up': {
      const endpoints = await up(layout, { withPrometheus: values['with-prometheus'] });
      console.log(
        `Platform is up (${nodes} Kafka node${nodes > 1 ? 's' : ''}); logs in ${layout.home}/logs.`,
      );
      printTable(Object.entries(endpoints));
      if (values['with-prometheus'])
        console.log(`Prometheus (generated rules, scraping npm start): ${prometheusUrl(layout)}`);
      return;
    }
    case 'down': {
      const stopped = await down(layout);
      console.log(stopped.length > 0 ? `Stopped ${stopped.join(', ')}.` : 'Nothing was running.');
      return;
    }
    case 'status': {
      const parts = await status(layout);
      const database = runningEndpoints(layout)?.DATABASE_URL;
      const hubProcesses = await hubProcessStatus(layout);
      printTable([
        ['PART', 'STATE', 'ADDRESS', 'PID'],
        ...parts.map((part) => [
          part.name,
          part.pid === undefined ? 'stopped' : part.ready ? 'ready' : 'starting',
          part.address,
          String(part.pid ?? '-'),
        ]),
        ...(database
          ? [
              [
                'postgres',
                (await databaseAnswers(database)) ? 'ready' : 'not answering',
                database,
                '-',
              ],
            ]
          : []),
        ...hubProcesses.map((hubProcess) => [
          hubProcess.name,
          !hubProcess.running ? 'stopped' : hubProcess.ready ? 'ready' : 'not ready',
          hubProcess.readyUrl,
          String(hubProcess.pid),
        ]),
      ]);
      return;
    }
    default:
      throw new PlatformError(usage);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof PlatformError ? error.message : error);
  process.exitCode = 1;
});
