import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, topics, type SchemaName } from '@hub/contracts';
import { bootstrapHubService, silentLogger } from '@hub/kit';
import {
  createTestTopic,
  devAuthorPublicKey,
  platform,
  startPostboxSimulator,
  testKafka,
  testProducer,
  type PostboxSimulator,
} from '@hub/test-support';
import { postboxConnectorConfigSchema } from '../src/config.js';
import { PostboxConnectorModule } from '../src/postbox-connector.module.js';

/** The postbox simulator as the tests run it: the dev author key, closed after the test. */
export async function postboxSimulator(): Promise<PostboxSimulator> {
  const simulator = await startPostboxSimulator({ authorKey: devAuthorPublicKey() });
  onTestFinished(() => simulator.stop());
  return simulator;
}

/**
 * The catalogue topics the connector reads, as fresh test topics: a fresh group on a catalogue
 * topic would read the shared platform's whole history.
 */
export async function testTopics(): Promise<Record<string, string>> {
  return {
    [topics.applicationSubmitted.name]: await submissionsTopic(),
    [topics.citizenStatusChanged.name]: await createTestTopic(testKafka(), 'postbox-status'),
    [topics.documentIssued.name]: await createTestTopic(testKafka(), 'postbox-documents'),
  };
}

/**
 * A test topic for the submissions the connector learns mailboxes from: a fresh group on the
 * catalogue topic would read the shared platform's whole history.
 */
export function submissionsTopic(): Promise<string> {
  return createTestTopic(testKafka(), 'postbox-submissions');
}

/** The connector as `service`, reading the catalogue topics under the test topics' names. */
export function startConnector(run: {
  readonly service?: string;
  readonly topics: Readonly<Record<string, string>>;
  readonly postboxUrl: string;
  readonly databaseUrl?: string;
}) {
  const config = postboxConnectorConfigSchema.parse({
    ...platform(),
    SERVICE_NAME: run.service ?? `postbox-${randomUUID().slice(0, 8)}`,
    OPS_PORT: '0',
    TRACE_EXPORTER: 'none',
    RETRY_INITIAL_DELAY_MS: '50',
    RETRY_MAX_DELAY_MS: '500',
    POSTBOX_URL: run.postboxUrl,
    ...(run.databaseUrl ? { DATABASE_URL: run.databaseUrl } : {}),
  });
  return bootstrapHubService(PostboxConnectorModule, {
    config,
    logger: silentLogger,
    topics: run.topics,
  });
}

/** Publishes Avro records as a catalogue producer would: key, `event-id`, optional trace context. */
export async function publisher() {
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const producer = await testProducer(testKafka());
  return async (
    topic: string,
    schema: SchemaName,
    key: string,
    value: unknown,
    headers: { eventId?: string; traceparent?: string } = {},
  ) => {
    const bytes = await serde.encode(`${topic}-value`, schemaType(schema), value);
    const traceHeaders = headers.traceparent ? { traceparent: headers.traceparent } : {};
    await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key,
          value: bytes,
          headers: { 'event-id': headers.eventId ?? randomUUID(), ...traceHeaders },
        },
      ],
    });
  };
}

/** Removes a dead-letter topic the connector created for a test's one-off group. */
export async function deleteTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
}
