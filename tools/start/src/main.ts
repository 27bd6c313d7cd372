/**
 * `npm start`: brings the local platform up, creates the catalogue's topics, starts the simulators
 * and every service that has a `serve` script, prints where to look, and on Ctrl-C stops it all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultLayout, down, up } from '@hub/platform';
import { applyContracts, applyReport } from '@hub/hub-cli/apply-contracts';
import { localProcesses } from './local-processes.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));

/** Services are the projects under services/ whose package.json has a `serve` script. */
function servableServices(): string[] {
  return readdirSync(`${repoRoot}services`)
    .filter((name) => {
      const manifest = `${repoRoot}services/${name}/package.json`;
      return (
        existsSync(manifest) &&
        (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: { serve?: string } }).scripts
          ?.serve !== undefined
      );
    })
    .sort();
}

/** SIGTERM, then SIGKILL after 20 s; resolves once the child has exited (or had already). */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

const layout = defaultLayout();
console.log('Bringing the local platform up (Kafka, schema registry, Zipkin, PostgreSQL)...');
const endpoints = await up(layout);
console.log(
  'Creating the topics of the catalogue and registering every schema (BACKWARD_TRANSITIVE)...',
);
const applied = await applyContracts(endpoints);
const drift = applyReport(applied.drifts).filter((line) => line.startsWith('DRIFT'));
for (const line of drift) console.error(line);
console.log(
  `${applied.drifts.length} topics as the catalogue says${drift.length > 0 ? ` except ${drift.length} (see above)` : ''}, ${applied.registrations.length} schemas registered.`,
);

const processes = localProcesses(endpoints, servableServices());
const children: ChildProcess[] = processes.map((local) =>
  spawn(process.execPath, [tsx, local.entry], {
    cwd: repoRoot,
    env: { ...process.env, ...local.env },
    stdio: 'inherit',
  }),
);
console.log(`
  Kafka brokers         ${endpoints.KAFKA_BROKERS}
  Schema registry       ${endpoints.SCHEMA_REGISTRY_URL}
  Traces (Zipkin UI)    ${endpoints.ZIPKIN_URL}/zipkin/
  PostgreSQL            ${endpoints.DATABASE_URL}
  Logs of the platform  ${layout.home}/logs
${processes.map((local) => `  ${local.name.padEnd(22)}${local.url ?? '(running)'}`).join('\n')}

  Try it: npm run hub -- dev-token --citizen postbox-7f3a9c21   (a token for the portal API)
  Press Ctrl-C to stop everything.
`);

const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
console.log(
  `\nReceived ${String(signal[0] ?? 'a signal')}; stopping services, simulators and platform...`,
);
await Promise.all(children.map((child) => stopChild(child)));
const stopped = await down(layout);
console.log(`Stopped ${stopped.join(', ') || 'nothing'}.`);
