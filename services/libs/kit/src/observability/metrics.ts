import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CircuitState } from '../outage/circuit-breaker.js';
import { outboundBreakers } from '../outage/outbound-breakers.js';

type RecordLabel = 'group' | 'topic';

const circuitStateValue: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The delivery metrics of every connector. Labels are group, topic, partition, error code and
 * endpoint (host and port): never keys or anything else that could identify a person.
 */
export class DeliveryMetrics {
  readonly consumed: Counter<RecordLabel>;
  readonly processed: Counter<RecordLabel>;
  readonly retried: Counter<RecordLabel>;
  readonly deadLettered: Counter<RecordLabel | 'code'>;
  readonly handlerDuration: Histogram<'group' | 'outcome'>;
  readonly consumerLag: Gauge<RecordLabel | 'partition'>;
  readonly outageWaiting: Gauge<'group' | 'endpoint'>;
  readonly outageEscalated: Counter<'group' | 'endpoint'>;
  readonly circuitState: Gauge<'endpoint'>;

  constructor(registry: Registry) {
    const registers = [registry];
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    const recordLabels: RecordLabel[] = ['group', 'topic'];

    this.consumed = counter(
      'hub_events_consumed_total',
      'Records fetched from Kafka and handed to a handler.',
      recordLabels,
    );
    this.processed = counter(
      'hub_events_processed_total',
      'Records whose handler succeeded (their effect is done).',
      recordLabels,
    );
    this.retried = counter(
      'hub_events_retried_total',
      'Handler attempts that failed and will be tried again.',
      recordLabels,
    );
    this.deadLettered = counter(
      'hub_events_dead_lettered_total',
      'Records sent to the dead-letter topic of their group.',
      [...recordLabels, 'code'],
    );
    this.handlerDuration = new Histogram({
      name: 'hub_handler_duration_seconds',
      help: 'Time of one handler attempt.',
      labelNames: ['group', 'outcome'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'hub_consumer_lag',
      help: 'Records between the last fetched offset and the high watermark, per partition.',
      labelNames: [...recordLabels, 'partition'],
      registers,
    });
    this.outageWaiting = new Gauge({
      name: 'hub_outage_waiting_events',
      help: 'Events (applications) waiting for an unreachable endpoint to answer again.',
      labelNames: ['group', 'endpoint'],
      registers,
    });
    this.outageEscalated = counter(
      'hub_outage_escalations_total',
      'Events that waited for an endpoint beyond the escalation age (they keep waiting).',
      ['group', 'endpoint'],
    );
    this.circuitState = new Gauge({
      name: 'hub_outbound_circuit_state',
      help: 'Circuit of each outbound endpoint: 0 closed, 1 half-open (probing), 2 open.',
      labelNames: ['endpoint'],
      registers,
      collect() {
        for (const breaker of outboundBreakers.all())
          this.set({ endpoint: breaker.endpoint }, circuitStateValue[breaker.state]);
      },
    });
  }
}
