import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { prometheusUrl, repoRoot, type StackLayout } from './layout.js';
import type { Part } from './part.js';
import { PlatformError } from './platform-error.js';

/** Generated from the catalogue and the metric table (docs/operations.md); scrapes `npm start`. */
export const generatedPrometheusConfig = join(repoRoot, 'deploy/prometheus/prometheus.yml');

/** Debian's `prometheus` package; the platform never downloads it. */
export function requirePrometheus(): void {
  if (spawnSync('prometheus', ['--version']).status !== 0) {
    throw new PlatformError(
      '--with-prometheus needs the `prometheus` binary on the PATH (Debian: `apt-get install --no-install-recommends prometheus`).',
    );
  }
}

/** How the stack runs Prometheus: loopback only, data in the stack's home. */
export function prometheusArgs(layout: StackLayout, configFile: string, processTag: string) {
  return [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(layout.home, 'prometheus')}`,
    '--storage.tsdb.retention.time=2d',
    `--web.listen-address=127.0.0.1:${layout.prometheusPort}`,
    // Prometheus takes no free-form argument; the page title carries the stack's tag.
    `--web.page-title=Prometheus (hub platform ${processTag})`,
  ];
}

/** Prometheus with the generated scrape config and alert rules, for `up --with-prometheus`. */
export function prometheusPart(layout: StackLayout, configFile = generatedPrometheusConfig): Part {
  const url = prometheusUrl(layout);
  return {
    name: 'prometheus',
    ports: [layout.prometheusPort],
    address: url,
    command(_artifacts, processTag) {
      return { command: 'prometheus', args: prometheusArgs(layout, configFile, processTag) };
    },
    async isReady() {
      const response = await fetch(`${url}/-/ready`).catch(() => undefined);
      return response?.ok ?? false;
    },
  };
}
