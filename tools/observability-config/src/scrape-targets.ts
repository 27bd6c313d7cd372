import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localProcesses } from '@hub/start/local-processes';
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
 * The variable that holds a service's ops port: `OPS_PORT` where the service has one (the payment
 * connector's HTTP_PORT serves the provider's callbacks), else the kit's `HTTP_PORT`.
 */
export function opsPortVariable(env: Record<string, string>): 'OPS_PORT' | 'HTTP_PORT' {
  return env.OPS_PORT === undefined ? 'HTTP_PORT' : 'OPS_PORT';
}

/** The ops port of every scraped service of the local hub, from `npm start`'s own assignment. */
export function localScrapeTargets(services = servableServices()): ScrapeTarget[] {
  const unused = { KAFKA_BROKERS: '', SCHEMA_REGISTRY_URL: '', ZIPKIN_URL: '', DATABASE_URL: '' };
  return localProcesses(unused, services)
    .filter((local) => services.includes(local.name) && isScraped(local.name))
    .map((local) => ({
      service: local.name,
      port: Number(local.env[opsPortVariable(local.env)]),
    }));
}
