import { describe, expect, it } from 'vitest';
import { defaultLayout } from './layout.js';
import { generatedPrometheusConfig, prometheusArgs } from './prometheus.js';

describe('how the stack runs Prometheus', () => {
  const layout = { ...defaultLayout(), home: '/tmp/stack-a', prometheusPort: 19090 };
  const args = prometheusArgs(layout, generatedPrometheusConfig, 'abc123:prometheus');

  it('given a layout, then it listens on loopback only, on the layout port', () => {
    expect(args).toContain('--web.listen-address=127.0.0.1:19090');
  });

  it('given a layout, then its data lives in the stack home, not in a shared place', () => {
    expect(args).toContain('--storage.tsdb.path=/tmp/stack-a/prometheus');
  });

  it('given a process tag, then the command line carries it, so a recycled pid is never ours', () => {
    expect(args.some((arg) => arg.includes('abc123:prometheus'))).toBe(true);
  });

  it('uses the generated config with its rules by default', () => {
    expect(generatedPrometheusConfig).toMatch(/deploy\/prometheus\/prometheus\.yml$/);
  });
});
