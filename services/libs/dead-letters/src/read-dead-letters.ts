import type { Kafka, KafkaMessage } from 'kafkajs';
import { HubError } from '@hub/errors';
import { textHeaders, type TextHeaders } from '@hub/kit';

/** One dead letter, addressed as `<dlq topic>:<partition>:<offset>`. */
export interface DeadLetter {
  readonly id: string;
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: TextHeaders;
}

/** Longer than a group join and a fetch of every dlq topic take; a web page must not hang for ever. */
const defaultTimeoutMs = 30_000;

/**
 * Reads dead-letter topics from their start to their end at the time of the call, with a group of
 * its own that commits nothing (one group join for all topics: joins are what takes the time).
 */
export async function readDeadLetters(
  kafka: Kafka,
  topics: string | readonly string[],
  reader = 'hub-cli',
  timeoutMs = defaultTimeoutMs,
): Promise<DeadLetter[]> {
  const names = typeof topics === 'string' ? [topics] : [...topics];
  const remaining = await nonEmptyPartitions(kafka, names);
  const letters: DeadLetter[] = [];
  if (remaining.size === 0) return letters;
  const consumer = kafka.consumer({
    groupId: `${reader}.dlq.${process.pid}.${Date.now()}`,
    // Disconnecting waits for the fetch in flight: the CLI answers without kafkajs' 5-s default.
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set(names)], fromBeginning: true });
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((done, fail) => {
      timer = setTimeout(() => {
        fail(
          new HubError(
            'DLQ_READ_TIMEOUT',
            `Dead letters not read to their end within ${timeoutMs} ms.`,
            { retryable: true },
          ),
        );
      }, timeoutMs);
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ topic, partition, message }) => {
          const end = remaining.get(`${topic}:${partition}`);
          if (end !== undefined && BigInt(message.offset) < end) {
            letters.push(toDeadLetter(topic, partition, message));
            if (BigInt(message.offset) + 1n >= end) remaining.delete(`${topic}:${partition}`);
          }
          if (remaining.size === 0) done();
          return Promise.resolve();
        },
      });
    }).finally(() => {
      clearTimeout(timer);
    });
  } finally {
    await consumer.disconnect();
  }
  return letters;
}

/** `<topic>:<partition>` → its end offset, for every partition that holds at least one record. */
async function nonEmptyPartitions(kafka: Kafka, topics: readonly string[]) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.find((topic) => !existing.has(topic));
    // A mistyped topic name gets a plain answer, not kafkajs retrying an unknown partition.
    if (missing !== undefined)
      throw new HubError('DLQ_NO_TOPIC', `No dead-letter topic ${missing}.`, { retryable: false });
    const ends = new Map<string, bigint>();
    for (const topic of new Set(topics))
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic))
        if (high !== low) ends.set(`${topic}:${partition}`, BigInt(high));
    return ends;
  } finally {
    await admin.disconnect();
  }
}

function toDeadLetter(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  return {
    id: `${topic}:${partition}:${message.offset}`,
    topic,
    key: message.key,
    value: message.value,
    headers: textHeaders(message.headers),
  };
}

/** Splits `<dlq topic>:<partition>:<offset>` (topic names may not contain ':'). */
export function topicOfId(id: string): string {
  return id.slice(0, id.indexOf(':'));
}
