import { alertRules, type AlertRule } from './alert-rules.js';
import { grafanaDashboard } from './grafana-dashboard.js';

// Words of PromQL the generated expressions use; any other bare word is a metric name.
const promqlWords = new Set([
  'and',
  'by',
  'count',
  'histogram_quantile',
  'increase',
  'offset',
  'on',
  'or',
  'rate',
  'sum',
  'unless',
]);

/** Metric names in a PromQL expression: strings, matchers and grouping labels removed first. */
export function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|on)\s*\([^)]*\)/g, '$1');
  const words = bare.match(/(?<![\w:.])[a-zA-Z_:][\w:]*/g) ?? [];
  return [...new Set(words.filter((word) => !promqlWords.has(word)))];
}

/** Every PromQL expression of the generated rules and dashboard. */
export function generatedExpressions(): string[] {
  const rules = (alertRules().groups as { rules: AlertRule[] }[]).flatMap((group) =>
    group.rules.map((rule) => rule.expr),
  );
  const dashboard = JSON.stringify(grafanaDashboard());
  const queries = [...dashboard.matchAll(/"expr":("(?:[^"\\]|\\.)*")/g)].map(
    (match) => JSON.parse(match[1] ?? '""') as string,
  );
  return [...rules, ...queries];
}
