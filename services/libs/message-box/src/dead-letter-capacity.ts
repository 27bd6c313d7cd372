import kafkajs from 'kafkajs';
import type { KafkaClient } from '@hub/kit';

// kafkajs is CommonJS and Node's ESM loader does not see this named export; the default has it.
const { ConfigResourceTypes } = kafkajs;

/** Kafka's own default of max.message.bytes (1 MB plus the record batch overhead). */
export const kafkaDefaultMaxMessageBytes = 1_048_588;
/** Room for key, headers (the reason alone may take 1 KB) and batch framing. */
const envelopeBytes = 16 * 1024;

/**
 * The largest value a dead letter of `topic` can carry, derived from the topic's own
 * max.message.bytes, so the limit follows the topic configuration instead of a second constant.
 */
export async function deadLetterCapacity(kafka: KafkaClient, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['max.message.bytes'] },
      ],
    });
    const configured = resources[0]?.configEntries[0]?.configValue;
    return valueCapacity(
      configured === undefined ? kafkaDefaultMaxMessageBytes : Number(configured),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Pure: a topic's max.message.bytes → the largest dead-letter value that still fits. */
export function valueCapacity(maxMessageBytes: number): number {
  return Math.max(0, maxMessageBytes - envelopeBytes);
}
