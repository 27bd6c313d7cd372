import type { AlertRule } from './alert-rules.js';
import { announcedMetrics, unscrapedServices } from './metric-catalogue.js';
import type { ScrapeTarget } from './scrape-targets.js';

/**
 * The generated part of docs/operations.md: what is scraped, which alerts exist (one line per
 * alert name, however many groups it is generated for) and which alerts wait for a metric.
 */
export function operationsTables(targets: readonly ScrapeTarget[], rules: readonly AlertRule[]) {
  const byAlert = new Map<string, AlertRule[]>();
  for (const rule of rules) byAlert.set(rule.alert, [...(byAlert.get(rule.alert) ?? []), rule]);
  return [
    '| service | scraped at |',
    '|---|---|',
    ...targets.map((target) => `| ${target.service} | \`127.0.0.1:${target.port}/metrics\` |`),
    '',
    '| service not scraped | why |',
    '|---|---|',
    ...unscrapedServices.map((unscraped) => `| ${unscraped.service} | ${unscraped.reason} |`),
    '',
    '| alert | severity | fires when (first instance) | for | instances |',
    '|---|---|---|---|---|',
    ...[...byAlert].map(([alert, instances]) => {
      const first = instances[0];
      const expr = (first?.expr ?? '').replaceAll('|', '\\|');
      return `| [${alert}](#${alert.toLowerCase()}) | ${first?.labels.severity ?? ''} | \`${expr}\` | ${first?.for ?? ''} | ${instances.length} |`;
    }),
    '',
    '| alert not generated yet | missing metric | why |',
    '|---|---|---|',
    ...announcedMetrics.map(
      (wanted) => `| ${wanted.alert} | \`${wanted.name}\` | ${wanted.reason} |`,
    ),
  ].join('\n');
}
