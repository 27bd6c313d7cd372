import { HubError } from '@hub/errors';
import type { Message, Producer, RecordMetadata, TopicMessages } from 'kafkajs';
import type { PartitionLog } from './partition-log.js';

interface Waiting {
  readonly topic: string;
  readonly message: Message;
  resolve(): void;
  reject(error: unknown): void;
}

/** Most records in one produce request; more wait for the next one. */
const maxRecordsPerRequest = 500;

/**
 * How often records that an acknowledgement left out are sent again before their publishes fail
 * (retryably): each round is a full kafkajs send with its own retries and metadata refresh.
 */
const roundsForLeftOutRecords = 5;

/**
 * Sends records with one produce request in flight at a time (what kafkajs' idempotent producer
 * needs to keep each partition's order), taking everything that queued up meanwhile into the next
 * request. A lone record goes out at once; under load, requests grow instead of queueing one by
 * one behind each other's round trip. Each `send` resolves when the partition of its record is in
 * the acknowledgement (all in-sync replicas), and fails with the request.
 *
 * A record whose partition the acknowledgement lacks was not written (see PartitionLog): it is
 * sent again, alone with the others left out, before anything newer goes out, so each
 * partition's order holds. kafkajs restores the partition's sequence number after a failed
 * attempt, so a record that did reach the log is recognised by the broker as a duplicate.
 */
export class SendBatches {
  private readonly waiting: Waiting[] = [];
  private sending = false;

  constructor(
    private readonly producer: Pick<Producer, 'sendBatch'>,
    private readonly partitions: PartitionLog,
    /** Told how many records an acknowledgement left out, before they are sent again. */
    private readonly onLeftOut: (records: number) => void = () => undefined,
  ) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ topic, message, resolve, reject });
      if (!this.sending) void this.sendAll();
    });
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        await this.sendUntilAcknowledged(this.waiting.splice(0, maxRecordsPerRequest));
      }
    } finally {
      this.sending = false;
    }
  }

  private async sendUntilAcknowledged(batch: readonly Waiting[]): Promise<void> {
    let unacknowledged = batch;
    for (let round = 1; unacknowledged.length > 0; round++) {
      if (round > roundsForLeftOutRecords) {
        const error = leftOut(unacknowledged.length, roundsForLeftOutRecords);
        for (const record of unacknowledged) record.reject(error);
        return;
      }
      let acknowledged: RecordMetadata[];
      try {
        acknowledged = await this.producer.sendBatch({
          acks: -1,
          topicMessages: byTopic(unacknowledged),
        });
      } catch (error) {
        for (const record of unacknowledged) record.reject(error);
        return;
      }
      const written = new Set(acknowledged.map((entry) => `${entry.topicName}:${entry.partition}`));
      const isWritten = (record: Waiting) =>
        written.has(`${record.topic}:${this.partitions.partitionOf(record.message)}`);
      for (const record of unacknowledged) if (isWritten(record)) record.resolve();
      unacknowledged = unacknowledged.filter((record) => !isWritten(record));
      if (unacknowledged.length > 0) this.onLeftOut(unacknowledged.length);
    }
  }
}

function leftOut(records: number, rounds: number): HubError {
  return new HubError(
    'KAFKA_RECORDS_NOT_ACKNOWLEDGED',
    `${records} record(s) missing from the acknowledgement after ${rounds} sends`,
    { retryable: true },
  );
}

/** The batch's records per topic, each topic's in the order they were sent. */
function byTopic(batch: readonly Waiting[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, message } of batch) {
    const messages = topics.get(topic) ?? [];
    messages.push(message);
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
