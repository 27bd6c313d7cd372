import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { HubError } from '@hub/errors';
import { deadLetterHeaders, textHeaders, type TextHeaders } from '@hub/kit';

/** One dead letter, addressed as `<dlq topic>:<partition>:<offset>`. */
export interface DeadLetter {
  readonly id: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: TextHeaders;
}

/** Reads a dead-letter topic from its start to its end at the time of the call, without a group. */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await offsetsOfExisting(admin, topic).finally(() => admin.disconnect());
  const remaining = new Map(
    ends
      .filter(({ high, low }) => high !== low)
      .map(({ partition, high }) => [partition, BigInt(high)]),
  );
  const letters: DeadLetter[] = [];
  if (remaining.size === 0) return letters;
  const consumer = kafka.consumer({ groupId: `hub-cli.dlq.${process.pid}.${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((done) => {
    void consumer.run({
      autoCommit: false,
      eachMessage: ({ partition, message }) => {
        letters.push(toDeadLetter(topic, partition, message));
        if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n))
          remaining.delete(partition);
        if (remaining.size === 0) done();
        return Promise.resolve();
      },
    });
  });
  await consumer.disconnect();
  return letters;
}

/** A mistyped topic name gets a plain answer, not kafkajs retrying an unknown partition. */
async function offsetsOfExisting(admin: Admin, topic: string) {
  if (!(await admin.listTopics()).includes(topic))
    throw new HubError('DLQ_NO_TOPIC', `No dead-letter topic ${topic}.`, { retryable: false });
  return admin.fetchTopicOffsets(topic);
}

function toDeadLetter(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  return {
    id: `${topic}:${partition}:${message.offset}`,
    key: message.key,
    value: message.value,
    headers: textHeaders(message.headers),
  };
}

/** The line `dlq list` prints: id, key, error code, attempts, last failure. No payload. */
export function summaryLine(letter: DeadLetter): string {
  const h = letter.headers;
  return [
    letter.id,
    letter.key?.toString() ?? '-',
    h[deadLetterHeaders.errorCode] ?? '-',
    `attempts=${h[deadLetterHeaders.attempts] ?? '?'}`,
    h[deadLetterHeaders.lastFailureAt] ?? '-',
  ].join('  ');
}
