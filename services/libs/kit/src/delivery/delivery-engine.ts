import { Registry } from 'prom-client';
import type { KafkaClient } from '../kafka/kafka-client.js';
import { RecordSender } from '../producer/record-sender.js';
import type { OutagePolicy } from '../outage/outage-policy.js';
import { silentLogger, type KitLogger } from '../observability/logger.js';
import { DeliveryMetrics } from '../observability/metrics.js';
import type { HandlerDefinition } from './handler-definition.js';
import { HandlerGroup } from './handler-group.js';
import type { Decoder } from './record-delivery.js';

export interface DeliveryEngineOptions {
  /** The service name: consumer groups are `<service>.<handler>`. */
  readonly service: string;
  readonly kafka: KafkaClient;
  readonly serde: Decoder;
  readonly metricsRegistry?: Registry;
  readonly logger?: KitLogger;
  readonly maxInFlight?: number;
  readonly sessionTimeoutMs?: number;
  /** Default outage notice and escalation ages of every handler (each may set its own). */
  readonly outage?: Partial<OutagePolicy>;
}

/** All handlers of one service: one consumer group each, one shared dead-letter producer. */
export class DeliveryEngine {
  private readonly definitions: HandlerDefinition[] = [];
  private groups: HandlerGroup[] = [];
  private deadLetters: RecordSender | undefined;
  private stopped: Promise<void> | undefined;
  readonly metricsRegistry: Registry;

  constructor(private readonly options: DeliveryEngineOptions) {
    this.metricsRegistry = options.metricsRegistry ?? new Registry();
  }

  register<T>(definition: HandlerDefinition<T>): this {
    this.definitions.push(definition);
    return this;
  }

  async start(): Promise<void> {
    const { kafka } = this.options;
    const deadLetters = new RecordSender(kafka);
    await deadLetters.connect();
    this.deadLetters = deadLetters;
    const metrics = new DeliveryMetrics(this.metricsRegistry);
    const logger = this.options.logger ?? silentLogger;
    this.groups = this.definitions.map(
      (definition) =>
        new HandlerGroup(definition, { ...this.options, deadLetters, metrics, logger }),
    );
    await Promise.all(this.groups.map((group) => group.start()));
  }

  /** Stops every group within `timeoutMs` (see HandlerGroup.stop), then the dead-letter producer. */
  stop(timeoutMs = 10_000): Promise<void> {
    this.stopped ??= (async () => {
      await Promise.all(this.groups.map((group) => group.stop(timeoutMs)));
      await this.deadLetters?.disconnect();
    })();
    return this.stopped;
  }
}
