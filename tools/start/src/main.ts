/**
 * `npm start`: brings the local platform up, creates the catalogue's topics and registers the
 * schemas, starts the simulators and every service that has a `serve` script, waits until each
 * answers ready, prints where to look, and on Ctrl-C, SIGINT or SIGTERM stops it all.
 */
import { spawn } from 'node:child_process';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyContracts, applyReport } from '@hub/hub-cli/apply-contracts';
import {
  defaultLayout,
  down,
  forgetHubProcesses,
  recordHubProcesses,
  repoRoot,
  up,
} from '@hub/platform';
import { localProcesses } from './local-processes.js';
import { RunningProcesses } from './running-processes.js';

const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));

/** Services are the projects under services/ whose package.json has a `serve` script. */
function servableServices(): string[] {
  return readdirSync(join(repoRoot, 'services'))
    .filter((name) => {
      const manifest = join(repoRoot, 'services', name, 'package.json');
      return (
        existsSync(manifest) &&
        (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: { serve?: string } }).scripts
          ?.serve !== undefined
      );
    })
    .sort();
}

const layout = defaultLayout();
const running = new RunningProcesses();
let stopping: Promise<void> | undefined;

/** Stops the services and simulators, then the platform; once, whatever asks first. */
function stopAll(reason: string): Promise<void> {
  stopping ??= (async () => {
    console.log(`\n${reason}; stopping services, simulators and platform...`);
    await running.stopAll();
    forgetHubProcesses(layout);
    const stopped = await down(layout);
    console.log(`Stopped ${stopped.join(', ') || 'nothing'}.`);
  })();
  return stopping;
}

/** The value of `step`, or everything started so far is stopped and npm start ends with 1. */
async function orStopAll<T>(step: Promise<T>, what: string): Promise<T> {
  try {
    return await step;
  } catch (error) {
    console.error(`  ✗ ${what}: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(`${what} failed`);
    process.exit(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => void stopAll(`Received ${signal}`).then(() => process.exit(0)));

console.log('Bringing the local platform up (Kafka, schema registry, Zipkin, PostgreSQL)...');
const endpoints = await orStopAll(up(layout), 'Bringing the platform up');
console.log('  ✓ platform ready');
const applied = await orStopAll(applyContracts(endpoints), 'Applying the contracts');
const drift = applyReport(applied.drifts).filter((line) => line.startsWith('DRIFT'));
for (const line of drift) console.error(line);
console.log(
  `  ✓ ${applied.drifts.length} topics as the catalogue says${drift.length > 0 ? `, except ${drift.length} (see above)` : ''}; ${applied.registrations.length} schemas registered at BACKWARD_TRANSITIVE`,
);

const processes = localProcesses(endpoints, servableServices());
for (const local of processes)
  running.add(
    local,
    spawn(process.execPath, [tsx, local.entry], {
      cwd: repoRoot,
      env: { ...process.env, ...local.env },
      stdio: ['ignore', 'inherit', 'inherit'],
      // A process group of its own: stopping it reaches tsx's node child as well.
      detached: true,
    }),
  );
recordHubProcesses(layout, running.processes);
console.log(`Starting ${processes.length} simulators and services...`);
const failure = await running.untilAllReady((local, seconds) => {
  console.log(`  ✓ ${local.name} ready (${seconds} s)`);
});
if (failure) {
  console.error(`  ✗ ${failure}`);
  await stopAll('A part did not start');
  process.exit(1);
}

console.log(`
The hub is ready.
  Kafka brokers         ${endpoints.KAFKA_BROKERS}
  Schema registry       ${endpoints.SCHEMA_REGISTRY_URL}
  Traces (Zipkin UI)    ${endpoints.ZIPKIN_URL}/zipkin/
  PostgreSQL            ${endpoints.DATABASE_URL}
  Logs of the platform  ${layout.home}/logs
${processes.map((local) => `  ${local.name.padEnd(22)}${local.url ?? local.readyUrl}`).join('\n')}

  Try it: npm run hub -- dev-token --citizen postbox-7f3a9c21   (a token for the portal API)
  Press Ctrl-C to stop everything.
`);
