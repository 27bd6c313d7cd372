import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localProcesses, type LocalProcess } from '@hub/start/local-processes';
import { isScraped } from './metric-catalogue.js';
import { repositoryRoot } from './repository-root.js';

/** One service's ops endpoint (/health, /metrics) as `npm start` runs it. */
export interface ScrapeTarget {
  readonly service: string;
  readonly port: number;
}

/** The same rule `npm start` follows: a service is a project under services/ with a `serve` script. */
export function servableServices(root = repositoryRoot): string[] {
  return readdirSync(join(root, 'services'))
    .filter((name) => {
      const manifest = join(root, 'services', name, 'package.json');
      if (!existsSync(manifest)) return false;
      const scripts = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: object }).scripts;
      return scripts !== undefined && 'serve' in scripts;
    })
    .sort();
}

/**
 * The variable that holds a service's ops port (/health, /metrics): the one whose port `npm start`
 * waits on for readiness, so the rule is said once, in local-processes.ts.
 */
export function opsPortVariable(local: LocalProcess): string {
  const readyPort = new URL(local.readyUrl).port;
  const variable = ['OPS_PORT', 'PORT', 'HTTP_PORT'].find((name) => local.env[name] === readyPort);
  return variable ?? 'HTTP_PORT';
}

/** The ops port of every scraped service of the local hub, from `npm start`'s own assignment. */
export function localScrapeTargets(services = servableServices()): ScrapeTarget[] {
  const unused = { KAFKA_BROKERS: '', SCHEMA_REGISTRY_URL: '', ZIPKIN_URL: '', DATABASE_URL: '' };
  return localProcesses(unused, services)
    .filter((local) => services.includes(local.name) && isScraped(local.name))
    .map((local) => ({
      service: local.name,
      port: Number(new URL(local.readyUrl).port),
    }));
}
