import { describe, expect, it } from 'vitest';
import { announcedMetrics, metrics } from './metric-catalogue.js';
import { generatedExpressions, metricNamesIn } from './used-metrics.js';

/** A histogram is exported as <name>_bucket, _sum and _count; `up` is Prometheus' own. */
function exportedAs(name: string): string | undefined {
  if (name === 'up') return name;
  return Object.values(metrics).find(
    (metric) =>
      metric.name === name ||
      (metric.type === 'histogram' &&
        ['_bucket', '_sum', '_count'].some((suffix) => `${metric.name}${suffix}` === name)),
  )?.name;
}

describe('metric names in PromQL', () => {
  it('given matchers, grouping and durations, when read, then only metric names remain', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (group, le) (rate(a_seconds_bucket{group=~"x[.]y"}[5m]))) or count(b_total > 0 unless b_total offset 15m and on(instance) up{job="j"} offset 15m)',
      ),
    ).toEqual(['a_seconds_bucket', 'b_total', 'up']);
  });
});

describe('the generated rules and dashboard', () => {
  const used = [...new Set(generatedExpressions().flatMap(metricNamesIn))];

  it('use only metrics of the metric table, which the services export (see the int test)', () => {
    expect(used.filter((name) => exportedAs(name) === undefined)).toEqual([]);
  });

  it('use no metric that is only announced', () => {
    const announced = announcedMetrics.map((metric) => metric.name);
    expect(used.filter((name) => announced.includes(name))).toEqual([]);
  });

  it('use every metric of the table, so none is listed for nothing', () => {
    const usedBase = new Set(used.map(exportedAs));
    expect(Object.values(metrics).filter((metric) => !usedBase.has(metric.name))).toEqual([]);
  });
});
