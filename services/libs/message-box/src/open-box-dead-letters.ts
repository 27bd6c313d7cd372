import { deadLetterTopic, ensureTopics, type KafkaClient, type RecordSender } from '@hub/kit';
import { BoxDeadLetters } from './box-dead-letters.js';
import type { ClaimChecks } from './claim-checks.js';
import { deadLetterCapacity } from './dead-letter-capacity.js';

export interface OpenedBoxDeadLetters {
  readonly deadLetters: BoxDeadLetters;
  readonly topic: string;
  /** What a dead letter can carry, so it is also the largest message a poller reads. */
  readonly capacity: number;
}

/**
 * The dead letters of one box poller's group: the topic `dlq.<group>` (created if missing) and
 * one size limit from that topic's max.message.bytes, for what is written and what is read.
 */
export async function openBoxDeadLetters(
  kafka: KafkaClient,
  options: {
    readonly group: string;
    readonly producer: Pick<RecordSender, 'send'>;
    readonly claimChecks: ClaimChecks;
  },
): Promise<OpenedBoxDeadLetters> {
  const topic = deadLetterTopic(options.group);
  await ensureTopics(kafka, [{ topic, partitions: 1 }]);
  const capacity = await deadLetterCapacity(kafka, topic);
  return {
    deadLetters: new BoxDeadLetters({ ...options, topic, capacity }),
    topic,
    capacity,
  };
}
