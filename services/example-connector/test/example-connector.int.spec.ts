import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { examples, schemaType, topics } from '@hub/contracts';
import { deadLetterTopic, silentLogger } from '@hub/kit';
import {
  collectFrom,
  createTestTopic,
  eventually,
  metricsText,
  platform,
  readinessBecomes,
  tcpProxy,
  testKafka,
  testProducer,
} from '@hub/test-support';
import { config } from '../src/config.js';
import { startConnector } from '../src/connector.js';

async function givenARunningConnector(kafka: Kafka) {
  const topic = await createTestTopic(kafka, 'example-submitted', { partitions: 2 });
  const service = `example-${randomUUID().slice(0, 8)}`;
  // PostgreSQL through a proxy the test can close: readiness must notice.
  const database = await tcpProxy(platform().DATABASE_URL);
  const settings = config({
    ...platform(),
    DATABASE_URL: database.url,
    SERVICE_NAME: service,
    OPS_PORT: '0',
  });
  const connector = await startConnector(settings, silentLogger, {
    [topics.applicationSubmitted.name]: topic,
  });
  const dlq = deadLetterTopic(`${service}.record-receipt`);
  onTestFinished(async () => {
    await connector.stop();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [dlq] }).catch(() => undefined);
    await admin.disconnect();
  });
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const producer = await testProducer(kafka);
  const submit = async (eventId: string, value: { applicationId: string; serviceKey: string }) => {
    const submitted = { ...examples['portal/application-submitted'], ...value };
    const type = schemaType(topics.applicationSubmitted.valueSchema);
    const bytes = await serde.encode(`${topic}-value`, type, submitted);
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key: value.applicationId, value: bytes, headers: { 'event-id': eventId } }],
    });
  };
  return { connector, submit, dlq, database };
}

async function receiptsOf(applicationId: string): Promise<number> {
  const client = new pg.Client({ connectionString: platform().DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>(
      'select count(*)::int as count from example_receipts where application_id = $1',
      [applicationId],
    );
    return result.rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}

describe('the example connector', () => {
  it('records one receipt for an event delivered twice, dead-letters bad input, reports ready, and not ready without PostgreSQL', async () => {
    const kafka = testKafka();
    const { connector, submit, dlq, database } = await givenARunningConnector(kafka);
    const { received: deadLetters } = await collectFrom(kafka, dlq);
    const applicationId = randomUUID();
    const eventId = randomUUID();

    await submit(eventId, { applicationId, serviceKey: '99050012104000' });
    await submit(eventId, { applicationId, serviceKey: '99050012104000' });
    await submit(randomUUID(), { applicationId: randomUUID(), serviceKey: 'not-a-key' });

    const [letter] = await eventually(() => (deadLetters.length > 0 ? deadLetters : undefined), {
      timeoutMs: 30_000,
      what: 'the bad event in the dead-letter topic',
    });
    expect(String(letter?.message.headers?.['dlq-error-code'])).toBe('EXAMPLE_BAD_SERVICE_KEY');
    await eventually(async () => ((await receiptsOf(applicationId)) > 0 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the receipt',
    });
    const metrics = await eventually(
      async () => {
        const text = await metricsText(connector.opsPort);
        return /hub_events_processed_total\{[^}]*\} 2/.test(text) ? text : undefined;
      },
      { timeoutMs: 30_000, what: 'both deliveries to be processed' },
    );
    expect(metrics).toMatch(
      /hub_events_dead_lettered_total\{[^}]*code="EXAMPLE_BAD_SERVICE_KEY"\} 1/,
    );
    expect(await receiptsOf(applicationId)).toBe(1);

    const ready = await fetch(`http://127.0.0.1:${connector.opsPort}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'up',
      checks: { kafka: 'up', registry: 'up', database: 'up' },
    });
    await database.close();
    await readinessBecomes(connector.opsPort, 503);
  });
});
