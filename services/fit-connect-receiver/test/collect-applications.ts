import type { KafkaMessage } from 'kafkajs';
import { topics } from '@hub/contracts';
import { testKafka, uniqueGroup } from '@hub/test-support';

/**
 * Every record of `portal.application-submitted` from the beginning, for a whole test file
 * (`collectFrom` is per test); tests pick theirs by key, the hub's application id.
 */
export async function collectApplications(): Promise<{
  messages: readonly KafkaMessage[];
  stop: () => Promise<void>;
}> {
  const consumer = testKafka().consumer({
    groupId: uniqueGroup('fit-connect'),
    maxWaitTimeInMs: 200,
  });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: topics.applicationSubmitted.name, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      messages.push(message);
      return Promise.resolve();
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
