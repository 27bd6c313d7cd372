import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryMetrics, startOpsServer } from '@hub/kit';
import { defaultLayout, eventually, prometheusArgs, prometheusUrl } from '@hub/platform';
import { alertRules, type AlertRule } from '../src/alert-rules.js';
import { prometheusConfig } from '../src/prometheus-config.js';
import { repositoryRoot } from '../src/repository-root.js';
import { toYaml } from '../src/yaml.js';
import { freePort } from './free-port.js';

const hasPrometheus = spawnSync('prometheus', ['--version']).status === 0;
if (!hasPrometheus)
  console.warn(
    'prometheus not found: the real-Prometheus rule test is skipped (apt-get install prometheus; CI installs it).',
  );

interface RuleGroups {
  data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
}
interface Alerts {
  data: { alerts: { labels: Record<string, string>; state: string }[] };
}

/**
 * A real Prometheus, started the way `platform up --with-prometheus` starts it, with the committed
 * alert rules and two targets: a kit ops server that answers and a port where nothing listens.
 */
describe.skipIf(!hasPrometheus)('the generated alert rules in a real Prometheus', () => {
  const home = mkdtempSync(join(tmpdir(), 'prometheus-rules-'));
  let prometheus: ChildProcess | undefined;
  let ops: Server | undefined;
  let url = '';
  const generatedRules = (alertRules().groups as { rules: AlertRule[] }[]).flatMap(
    (group) => group.rules,
  );

  beforeAll(async () => {
    const registry = new Registry();
    new DeliveryMetrics(registry);
    const answering = await startOpsServer({ port: 0, metrics: registry, readiness: {} });
    ops = answering.server;
    const silent = await freePort();
    const layout = { ...defaultLayout(), home, prometheusPort: await freePort() };
    url = prometheusUrl(layout);
    const config = {
      ...prometheusConfig([
        { service: 'case-router', port: answering.port },
        { service: 'xbau-connector', port: silent },
      ]),
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(repositoryRoot, 'deploy/prometheus/alert-rules.yml')],
    };
    writeFileSync(join(home, 'prometheus.yml'), toYaml(config));
    prometheus = spawn(
      'prometheus',
      prometheusArgs(layout, join(home, 'prometheus.yml'), 'int-test'),
      { stdio: 'ignore' },
    );
    await eventually(
      async () => ((await fetch(`${url}/-/ready`).catch(() => undefined))?.ok ? true : undefined),
      { timeoutMs: 30_000, what: `Prometheus at ${url} to be ready` },
    );
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = once(prometheus, 'exit');
      prometheus.kill('SIGTERM');
      await exited;
    }
    ops?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('loads every generated rule and evaluates each without error', async () => {
    const rules = await eventually(
      async () => {
        const body = (await (await fetch(`${url}/api/v1/rules`)).json()) as RuleGroups;
        const loaded = body.data.groups.flatMap((group) => group.rules);
        return loaded.length > 0 && loaded.every((rule) => rule.health === 'ok')
          ? loaded
          : undefined;
      },
      { timeoutMs: 20_000, what: 'every rule to be evaluated once' },
    );
    expect(rules.map((rule) => rule.name).sort()).toEqual(
      generatedRules.map((rule) => rule.alert).sort(),
    );
    expect(rules.filter((rule) => rule.lastError)).toEqual([]);
  });

  it('given a target that does not answer, then ServiceNotAnswering is raised for it alone', async () => {
    const alerts = await eventually(
      async () => {
        const body = (await (await fetch(`${url}/api/v1/alerts`)).json()) as Alerts;
        const raised = body.data.alerts.filter(
          (alert) => alert.labels.alertname === 'ServiceNotAnswering',
        );
        return raised.length > 0 ? raised : undefined;
      },
      { timeoutMs: 20_000, what: 'ServiceNotAnswering to be pending' },
    );
    // `for: 2m` keeps it pending in a short test; pending means the rule matched.
    expect(alerts.map((alert) => [alert.labels.service, alert.state])).toEqual([
      ['xbau-connector', 'pending'],
    ]);
  });
});
