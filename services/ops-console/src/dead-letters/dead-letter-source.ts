import type { Kafka } from 'kafkajs';
import {
  deadLetterTopics,
  readDeadLetters,
  topicOfId,
  type DeadLetter,
  type DeadLetterTopic,
} from '@hub/dead-letters';

/** The console's reads of dlq.* topics, on demand (ADR 0010: no copy of the letters is kept). */
export class DeadLetterSource {
  constructor(private readonly kafka: Kafka) {}

  topics(): Promise<DeadLetterTopic[]> {
    return deadLetterTopics(this.kafka);
  }

  /** Every letter of every non-empty dlq.* topic, or of those given. */
  async letters(onlyTopics?: readonly string[]): Promise<DeadLetter[]> {
    const nonEmpty = (await this.topics())
      .filter(({ topic, count }) => count > 0 && (!onlyTopics || onlyTopics.includes(topic)))
      .map(({ topic }) => topic);
    return readDeadLetters(this.kafka, nonEmpty, 'ops-console');
  }

  /** The letters with these ids; ids of no existing letter are left out. */
  async byIds(ids: readonly string[]): Promise<DeadLetter[]> {
    const wanted = new Set(ids);
    const letters = await this.letters([...new Set(ids.map(topicOfId))]);
    return letters.filter((letter) => wanted.has(letter.id));
  }
}
