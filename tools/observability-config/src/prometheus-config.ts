import type { ScrapeTarget } from './scrape-targets.js';
import type { YamlMap } from './yaml.js';

/** The job every service's ops port is scraped under; the alert rules select on it. */
export const serviceJob = 'hub-services';
export const alertRulesFile = 'alert-rules.yml';

/** prometheus.yml: scrape each service's `/metrics` on loopback and load the generated rules. */
export function prometheusConfig(targets: readonly ScrapeTarget[]): YamlMap {
  return {
    global: { scrape_interval: '15s', evaluation_interval: '15s' },
    rule_files: [alertRulesFile],
    scrape_configs: [
      {
        job_name: serviceJob,
        metrics_path: '/metrics',
        static_configs: targets.map((target) => ({
          targets: [`127.0.0.1:${target.port}`],
          labels: { service: target.service },
        })),
      },
    ],
  };
}
