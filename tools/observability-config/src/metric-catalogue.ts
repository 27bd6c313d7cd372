import { eventTopics } from '@hub/contracts';

/** One metric a dashboard or alert rule may use, as the services register it with prom-client. */
export interface MetricSpec {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly labels: readonly string[];
  /** The services whose `/metrics` lists it (checked against their real output). */
  readonly exportedBy: readonly string[];
  /** Where it is registered, for the reader of the generated files and docs. */
  readonly source: string;
}

/** A metric an alert needs but no service exports yet: no rule is generated for it. */
export interface AnnouncedMetric {
  readonly name: string;
  readonly alert: string;
  readonly reason: string;
}

/**
 * Services of `npm start` that serve no `/metrics` yet: not scraped, no rules for their groups,
 * listed in docs/operations.md. The inventory test fails once one of them serves metrics.
 */
export const unscrapedServices: readonly { service: string; reason: string }[] = [];

export function isScraped(service: string): boolean {
  return !unscrapedServices.some((unscraped) => unscraped.service === service);
}

/** The services whose `/metrics` lists the kit's delivery metrics: they run consumer groups. */
export const consumingServices = [
  ...new Set(eventTopics.flatMap((topic) => topic.consumers.map(serviceOfGroup))),
]
  .filter(isScraped)
  .sort();

/** Consumer groups are `<service>.<handler>` (see TopicSpec.consumers). */
export function serviceOfGroup(group: string): string {
  return group.split('.')[0] ?? group;
}

const kit = 'services/libs/kit/src/observability/metrics.ts';
const deliveryMetric = (
  name: string,
  type: MetricSpec['type'],
  labels: readonly string[],
): MetricSpec => ({ name, type, labels, exportedBy: consumingServices, source: kit });

/** The metrics the generated rules and dashboards may use; nothing else. */
export const metrics = {
  consumed: deliveryMetric('hub_events_consumed_total', 'counter', ['group', 'topic']),
  processed: deliveryMetric('hub_events_processed_total', 'counter', ['group', 'topic']),
  retried: deliveryMetric('hub_events_retried_total', 'counter', ['group', 'topic']),
  deadLettered: deliveryMetric('hub_events_dead_lettered_total', 'counter', [
    'group',
    'topic',
    'code',
  ]),
  handlerDuration: deliveryMetric('hub_handler_duration_seconds', 'histogram', [
    'group',
    'outcome',
  ]),
  consumerLag: deliveryMetric('hub_consumer_lag', 'gauge', ['group', 'topic', 'partition']),
  paymentOutcomes: {
    name: 'payment_outcomes_total',
    type: 'counter',
    labels: ['outcome'],
    exportedBy: ['payment-connector'],
    source: 'services/payment-connector/src/payment-metrics.ts',
  },
  paymentNotifications: {
    name: 'payment_notifications_total',
    type: 'counter',
    labels: ['verdict'],
    exportedBy: ['payment-connector'],
    source: 'services/payment-connector/src/payment-metrics.ts',
  },
  applicationsStuck: {
    name: 'hub_applications_stuck',
    type: 'gauge',
    labels: ['state'],
    exportedBy: ['case-router'],
    source: 'services/case-router/src/case-router-metrics.ts',
  },
  fitConnectNearingDeadline: {
    name: 'hub_fit_connect_submissions_nearing_deadline',
    type: 'gauge',
    labels: [],
    exportedBy: ['fit-connect-receiver'],
    source: 'services/fit-connect-receiver/src/intake/intake-metrics.ts',
  },
  xbauReplies: {
    name: 'xbau_replies_total',
    type: 'counter',
    labels: ['outcome'],
    exportedBy: ['xbau-connector'],
    source: 'services/xbau-connector/src/replies/reply-poller.ts',
  },
  drinkingWaterLimitsExceeded: {
    name: 'hub_drinking_water_limits_exceeded_total',
    type: 'counter',
    labels: ['parameter', 'priority'],
    exportedBy: ['xwasser-connector'],
    source: 'services/xwasser-connector/src/lab-reports/settle-lab-message.ts',
  },
} as const satisfies Record<string, MetricSpec>;

/**
 * Alerts of issue 13 whose metric no service exports yet. Listed in docs/operations.md; once a
 * service exports one, move it to `metrics` and add its rule in alert-rules.ts.
 */
export const announcedMetrics: readonly AnnouncedMetric[] = [
  {
    name: 'hub_circuit_breaker_open',
    alert: 'CircuitOpen',
    reason: 'issue 12 adds circuit breakers around XTA and the payment provider',
  },
  {
    name: 'hub_readiness_check_up',
    alert: 'DependencyNotReady',
    reason:
      '/health/ready answers JSON, which Prometheus cannot scrape; a gauge per readiness check would let a rule see a 503',
  },
];

/** When the generated alerts fire: the one place to tune them. */
export const thresholds = {
  /** Any new dead letter of a group within this window. */
  deadLetters: { window: '15m' },
  /** Records a group is behind on one topic, summed over partitions, for this long. */
  consumerLag: { records: 1000, for: '10m' },
  /** Applications the case router's watchdog counts as stuck, for this long. */
  applicationStuck: { for: '5m' },
  /**
   * FIT-Connect submissions undecided for DEADLINE_WARNING_AFTER_MS (10 days) of the 14 the
   * platform keeps them, for this long: days are left to act, minutes of noise are not needed.
   */
  fitConnectDeadline: { for: '15m' },
  /** Any drinking-water value above its limit within this window fires at once (health risk). */
  drinkingWaterLimitExceeded: { window: '15m' },
  /** A service whose ops port does not answer a scrape for this long. */
  serviceNotAnswering: { for: '2m' },
} as const;
