import { Counter, Gauge, type Registry } from 'prom-client';

/** What operators watch besides the kit's delivery metrics. Labels never identify a person. */
export class CaseRouterMetrics {
  readonly deliveryFailed: Counter<'dead_letter_topic'>;
  readonly stuck: Gauge<'state'>;

  constructor(registry: Registry) {
    this.deliveryFailed = new Counter({
      name: 'hub_applications_delivery_failed_total',
      help: 'Accepted applications stopped by a dead letter further down the chain (the citizen sees DELIVERY_FAILED).',
      labelNames: ['dead_letter_topic'],
      registers: [registry],
    });
    this.stuck = new Gauge({
      name: 'hub_applications_stuck',
      help: 'Applications not in a final state whose state has not changed for WATCHDOG_STUCK_AFTER_MS, per state.',
      labelNames: ['state'],
      registers: [registry],
    });
  }
}
