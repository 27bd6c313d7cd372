import type { Message, Producer, TopicMessages } from 'kafkajs';

interface Waiting {
  readonly topic: string;
  readonly message: Message;
  resolve(): void;
  reject(error: unknown): void;
}

/** Most records in one produce request; more wait for the next one. */
const maxRecordsPerRequest = 500;

/**
 * Sends records with one produce request in flight at a time (what kafkajs' idempotent producer
 * needs to keep each partition's order), taking everything that queued up meanwhile into the next
 * request. A lone record goes out at once; under load, requests grow instead of queueing one by
 * one behind each other's round trip. Each `send` resolves when its request is acknowledged by
 * all in-sync replicas, and fails with it.
 */
export class SendBatches {
  private readonly waiting: Waiting[] = [];
  private sending = false;

  constructor(private readonly producer: Pick<Producer, 'sendBatch'>) {}

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
        const batch = this.waiting.splice(0, maxRecordsPerRequest);
        try {
          await this.producer.sendBatch({ acks: -1, topicMessages: byTopic(batch) });
          for (const record of batch) record.resolve();
        } catch (error) {
          for (const record of batch) record.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }
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
