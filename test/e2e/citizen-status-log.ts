import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, topics, type TopicValue } from '@hub/contracts';
import { commitTopicEnd, platform, testKafka, uniqueGroup } from '@hub/test-support';

export type CitizenStatusChanged = TopicValue<typeof topics.citizenStatusChanged>;

/**
 * Every `case.citizen-status-changed` record the case router produces from now on (a group of its
 * own that starts at the topic's end), decoded, for a test to compare with what reached the citizen.
 */
export async function citizenStatusLog() {
  const kafka = testKafka();
  const groupId = uniqueGroup('e2e-citizen-status');
  const admin = kafka.admin();
  await admin.connect();
  try {
    await commitTopicEnd(admin, groupId, topics.citizenStatusChanged.name);
  } finally {
    await admin.disconnect();
  }
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const records: CitizenStatusChanged[] = [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: topics.citizenStatusChanged.name, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const { value } = await serde.decode<CitizenStatusChanged>(
        message.value ?? Buffer.alloc(0),
        schemaType('case/citizen-status-changed'),
      );
      records.push(value);
    },
  });
  return {
    /** The status changes of one application, in the order they were produced. */
    of: (applicationId: string) =>
      records.filter((record) => record.applicationId === applicationId),
    stop: () => consumer.disconnect(),
  };
}
