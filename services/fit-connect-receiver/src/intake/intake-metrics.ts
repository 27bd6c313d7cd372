import { Counter, Gauge, type Registry } from 'prom-client';

/** What operators watch besides the kit's metrics. Labels never identify a person or submission. */
export class IntakeMetrics {
  private readonly decisions: Counter<'decision' | 'problem'>;
  readonly callbacks: Counter<'verdict'>;
  readonly nearingDeadline: Gauge;

  constructor(registry: Registry) {
    this.decisions = new Counter({
      name: 'hub_fit_connect_submissions_decided_total',
      help: 'FIT-Connect submissions accepted or rejected, with the problem type of a rejection.',
      labelNames: ['decision', 'problem'],
      registers: [registry],
    });
    this.callbacks = new Counter({
      name: 'hub_fit_connect_callbacks_total',
      help: 'FIT-Connect callbacks received, by verdict (valid, missing, stale, wrong-signature, replayed, malformed).',
      labelNames: ['verdict'],
      registers: [registry],
    });
    this.nearingDeadline = new Gauge({
      name: 'hub_fit_connect_submissions_nearing_deadline',
      help: 'Undecided FIT-Connect submissions first seen longer ago than DEADLINE_WARNING_AFTER_MS: the platform deletes them 14 days after submission.',
      registers: [registry],
    });
  }

  decided(decision: 'accepted' | 'rejected', problem?: string): void {
    this.decisions.inc({ decision, problem: problem?.split('/').at(-1) ?? '' });
  }
}
