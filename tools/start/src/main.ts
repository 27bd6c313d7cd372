/**
 * `npm start`: brings the local platform up, starts every service that has a `serve` target with
 * the platform's endpoints in its environment, prints where to look, and on Ctrl-C stops it all.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { defaultLayout, down, up, type PlatformEndpoints } from '@hub/platform';

function servableProjects(): string[] {
  const result = spawnSync('npx', ['nx', 'show', 'projects', '--with-target', 'serve'], {
    encoding: 'utf8',
  });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

function startServices(projects: string[], endpoints: PlatformEndpoints): ChildProcess | undefined {
  if (projects.length === 0) {
    console.log('No connector service has a `serve` target yet; the platform runs on its own.');
    return undefined;
  }
  console.log(`Starting ${projects.join(', ')}...`);
  return spawn(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'serve',
      '--projects',
      projects.join(','),
      '--parallel',
      String(projects.length),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, ...endpoints },
    },
  );
}

const layout = defaultLayout();
console.log('Bringing the local platform up (Kafka, schema registry, Zipkin, PostgreSQL)...');
const endpoints = await up(layout);
console.log(`
  Kafka brokers         ${endpoints.KAFKA_BROKERS}
  Schema registry       ${endpoints.SCHEMA_REGISTRY_URL}
  Traces (Zipkin UI)    ${endpoints.ZIPKIN_URL}/zipkin/
  PostgreSQL            ${endpoints.DATABASE_URL}
  Logs                  ${layout.home}/logs
`);
const services = startServices(servableProjects(), endpoints);
console.log('Press Ctrl-C to stop everything.');

const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
console.log(`\nReceived ${String(signal[0] ?? 'signal')}; stopping services and platform...`);
if (services && services.exitCode === null) {
  services.kill('SIGTERM');
  await once(services, 'exit');
}
const stopped = await down(layout);
console.log(`Stopped ${stopped.join(', ') || 'nothing'}.`);
