import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from './repository-root.js';

const prometheusDir = join(repositoryRoot, 'deploy/prometheus');
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool)
  console.warn(
    'promtool not found: the alert rule tests are skipped (apt-get install prometheus; CI installs it).',
  );

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: prometheusDir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!hasPromtool)('the generated Prometheus files, checked by promtool', () => {
  it('given prometheus.yml, when checked, then it is a valid config whose rule file loads', () => {
    const check = promtool('check', 'config', 'prometheus.yml');
    expect(check.output).toContain('SUCCESS');
    expect(check.status, check.output).toBe(0);
  });

  it('given the generated alert rules, when checked, then every rule parses', () => {
    const check = promtool('check', 'rules', 'alert-rules.yml');
    expect(check.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(check.status, check.output).toBe(0);
  });

  it('given the alert rules and synthetic series, when tested, then each alert fires exactly where expected', () => {
    const test = promtool('test', 'rules', 'alert-rules.test.yml');
    expect(test.status, test.output).toBe(0);
  });
});
