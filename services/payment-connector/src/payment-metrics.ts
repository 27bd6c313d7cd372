import { Counter, type Registry } from 'prom-client';

/** The connector's own metrics beside the kit's delivery metrics; labels never hold personal data. */
export class PaymentMetrics {
  readonly checks: Counter<'trigger' | 'status'>;
  readonly outcomes: Counter<'outcome'>;
  readonly notifications: Counter<'verdict'>;

  constructor(registry: Registry) {
    this.checks = new Counter({
      name: 'payment_status_checks_total',
      help: 'Status queries at the provider, by what triggered them and the status answered.',
      labelNames: ['trigger', 'status'],
      registers: [registry],
    });
    this.outcomes = new Counter({
      name: 'payment_outcomes_total',
      help: 'Payments moved to a final state (settled, failed, refunded) by this instance.',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.notifications = new Counter({
      name: 'payment_notifications_total',
      help: 'Provider notifications received, by verdict (accepted, or why refused).',
      labelNames: ['verdict'],
      registers: [registry],
    });
  }
}
