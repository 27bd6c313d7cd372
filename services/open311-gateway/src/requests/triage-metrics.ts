import { Counter, Histogram, type Registry } from 'prom-client';
import type { ServiceRequest } from './service-request.js';

/**
 * How intake sorts reports, for the pilot's dashboards: how many go straight to an office, to
 * review or to an earlier report, per category, and how sure the classifier was. Labels are codes,
 * never text.
 */
export class TriageMetrics {
  private readonly reports: Counter<'outcome' | 'service_code'>;
  private readonly confidence: Histogram<'outcome'>;

  constructor(registry: Registry) {
    this.reports = new Counter({
      name: 'open311_reports_total',
      help: 'Defect reports by intake outcome (routed, review, duplicate) and settled category.',
      labelNames: ['outcome', 'service_code'],
      registers: [registry],
    });
    this.confidence = new Histogram({
      name: 'open311_triage_confidence',
      help: 'Confidence of the classifier’s proposal per report, by intake outcome.',
      labelNames: ['outcome'],
      buckets: [0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
      registers: [registry],
    });
  }

  record(request: ServiceRequest): void {
    this.reports.inc({ outcome: request.state, service_code: request.serviceCode ?? 'none' });
    this.confidence.observe({ outcome: request.state }, request.triage.confidence);
  }
}
