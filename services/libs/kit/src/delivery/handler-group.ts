import { setMaxListeners } from 'node:events';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { RecordSender } from '../producer/record-sender.js';
import { v5 as uuidv5 } from 'uuid';
import { redactErrorMessage } from '../errors/redact-error-message.js';
import { ensureTopics } from '../kafka/ensure-topics.js';
import { eventHeaders, textHeaders } from '../kafka/headers.js';
import type { KafkaClient } from '../kafka/kafka-client.js';
import type { KitLogger } from '../observability/logger.js';
import type { DeliveryMetrics } from '../observability/metrics.js';
import { defaultOutagePolicy, type OutagePolicy } from '../outage/outage-policy.js';
import { OutageWaits } from '../outage/outage-waits.js';
import { CapacityGate } from './capacity-gate.js';
import { deadLetterTopic } from './dead-letter.js';
import { groupOf, type HandlerDefinition } from './handler-definition.js';
import { KeyedQueue } from './keyed-queue.js';
import { PartitionLane } from './partition-lane.js';
import { deliverRecord, type Decoder, type RecordDeliveryDeps } from './record-delivery.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

export interface HandlerGroupDeps {
  readonly service: string;
  readonly kafka: KafkaClient;
  readonly serde: Decoder;
  readonly deadLetters: Pick<RecordSender, 'send'>;
  readonly metrics: DeliveryMetrics;
  readonly logger: KitLogger;
  /** Records fetched but not finished, across all partitions, before fetching pauses. */
  readonly maxInFlight?: number;
  /** Partitions of a dead-letter topic the kit creates. */
  readonly deadLetterPartitions?: number;
  /** How long the group waits for a silent member (a killed process) before rebalancing. */
  readonly sessionTimeoutMs?: number;
  readonly outage?: Partial<OutagePolicy>;
}

/** Names records without an `event-id` header after their position, which never changes. */
const positionNamespace = '6f1d4a52-3c8e-4b7a-9d0e-2a1b3c4d5e6f';

/**
 * One handler's consumer group. Fetching runs ahead of handling: every fetched record is queued
 * behind earlier records of its key (in its partition) and runs beside records of other keys and
 * partitions; a partition's offset is committed up to its lowest unfinished record.
 */
export class HandlerGroup {
  readonly group: string;
  private readonly policy: RetryPolicy;
  private readonly consumer: Consumer;
  private readonly waits: OutageWaits;
  private readonly byKey = new KeyedQueue();
  private lanes = new Map<string, PartitionLane>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private readonly delivery: RecordDeliveryDeps;
  private readonly capacity = new CapacityGate();

  constructor(
    private readonly definition: HandlerDefinition,
    private readonly deps: HandlerGroupDeps,
  ) {
    this.group = groupOf(deps.service, definition.name);
    this.policy = { ...defaultRetryPolicy, ...definition.retry };
    const sessionTimeout = deps.sessionTimeoutMs ?? 30_000;
    this.consumer = deps.kafka.consumer({
      groupId: this.group,
      allowAutoTopicCreation: false,
      sessionTimeout,
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
      // How long an idle fetch waits for records. Records end it at once, so latency is unchanged;
      // stopping waits for the fetch in flight, so shutdown takes ≤ 1 s here instead of 5 s.
      maxWaitTimeInMs: 1_000,
    });
    // Every record waiting out a backoff or an outage listens for shutdown: thousands in an outage.
    setMaxListeners(0, this.shutdown.signal);
    this.waits = new OutageWaits({
      group: this.group,
      topic: definition.topic,
      consumer: this.consumer,
      metrics: deps.metrics,
      logger: deps.logger,
      policy: { ...defaultOutagePolicy, ...deps.outage, ...definition.outage },
      announce: (notice) => definition.onOutage?.(notice) ?? Promise.resolve(),
    });
    this.delivery = {
      ...deps,
      group: this.group,
      definition,
      policy: this.policy,
      waits: this.waits,
      signal: this.shutdown.signal,
    };
    // A new generation restarts every partition from its committed offset.
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      for (const lane of this.lanes.values()) lane.retire();
      this.lanes = new Map();
    });
  }

  async start(): Promise<void> {
    const partitions = this.deps.deadLetterPartitions ?? 1;
    await ensureTopics(
      this.deps.kafka,
      [{ topic: deadLetterTopic(this.group), partitions }],
      [this.definition.topic],
    );
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.definition.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.accept(payload),
    });
  }

  /**
   * Graceful stop: fetch nothing more, let running handlers finish (waiting retries are abandoned
   * and stay uncommitted), commit what finished, leave the group; all within `timeoutMs`.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.consumer.pause([{ topic: this.definition.topic }]);
    this.shutdown.abort();
    this.capacity.open();
    const drained = Promise.all([...this.inFlight]).then(() =>
      Promise.all([...this.lanes.values()].map((lane) => lane.flushed().catch(() => undefined))),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([drained, deadline]);
    clearTimeout(timer);
    await this.consumer.disconnect();
  }

  private async accept(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const lane = this.laneOf(batch.topic, batch.partition);
    this.deps.metrics.consumerLag.set(
      { group: this.group, topic: batch.topic, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
    for (const message of batch.messages) {
      await this.waitForCapacity(payload);
      if (!payload.isRunning() || payload.isStale() || this.shutdown.signal.aborted) return;
      // Unresolved records are fetched again when the partition resumes.
      if (this.waits.isPaused(batch.partition)) return;
      lane.begin(message.offset);
      payload.resolveOffset(message.offset);
      this.track(this.handle(batch.topic, batch.partition, message, lane));
    }
  }

  private async handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    lane: PartitionLane,
  ): Promise<void> {
    this.deps.metrics.consumed.inc({ group: this.group, topic });
    const headers = textHeaders(message.headers);
    const position = `${topic}/${partition}/${message.offset}`;
    const record = {
      topic,
      partition,
      offset: message.offset,
      key: message.key,
      value: message.value,
      headers,
      eventId: headers[eventHeaders.eventId] ?? uuidv5(position, positionNamespace),
    };
    const orderKey = `${partition}\u0000${message.key?.toString('base64') ?? position}`;
    await this.byKey.run(orderKey, async () => {
      // A record of a key whose earlier record was abandoned must not overtake it.
      if (this.shutdown.signal.aborted) return;
      const end = await deliverRecord(this.delivery, record);
      if (end === 'finished')
        await lane.finish(message.offset).catch((error: unknown) => {
          this.commitFailed(error);
        });
    });
  }

  private handlingCrashed(error: unknown): void {
    // Not a handler failure (those are retried or dead-lettered) but a bug in the kit: the record
    // stays unfinished, so its partition stops committing until the service restarts.
    const reason = error instanceof Error ? redactErrorMessage(error.message) : 'unknown';
    this.deps.logger.error({ group: this.group, reason }, 'record delivery crashed');
  }

  private commitFailed(error: unknown): void {
    // A rebalance took the partition away; its next owner resumes from the last committed offset.
    const reason = error instanceof Error ? error.name : 'unknown';
    this.deps.logger.warn({ group: this.group, reason }, 'offset commit failed');
  }

  private laneOf(topic: string, partition: number): PartitionLane {
    const id = `${topic}/${partition}`;
    let lane = this.lanes.get(id);
    if (!lane) {
      lane = new PartitionLane((offset) =>
        this.consumer.commitOffsets([{ topic, partition, offset }]),
      );
      this.lanes.set(id, lane);
    }
    return lane;
  }

  private track(work: Promise<void>): void {
    const settled = work
      .catch((error: unknown) => {
        this.handlingCrashed(error);
      })
      .finally(() => {
        this.inFlight.delete(settled);
        this.capacity.open();
      });
    this.inFlight.add(settled);
  }

  private async waitForCapacity(payload: EachBatchPayload): Promise<void> {
    const limit = this.deps.maxInFlight ?? 1_000;
    while (this.inFlight.size >= limit && !this.shutdown.signal.aborted) {
      await this.capacity.wait(1_000);
      await payload.heartbeat();
    }
  }
}
