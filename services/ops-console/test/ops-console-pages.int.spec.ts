import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { examples, schemaType } from '@hub/contracts';
import { createLogger } from '@hub/kit';
import { createTestTopic, platform, testKafka, testProducer, uniqueGroup } from '@hub/test-support';
import { opsConsoleConfigSchema } from '../src/config.js';
import { startOpsConsole, type RunningOpsConsole } from '../src/ops-console.js';
import { operatorToken } from './operator-tokens.js';

/** The page as an operator reads it: tags gone, whitespace collapsed. */
function textOf(page: string): string {
  return page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('ops console pages on the real broker, registry and database', () => {
  const kafka = testKafka();
  let opsConsole: RunningOpsConsole;
  let healthy: Server;
  let token: string;

  beforeAll(async () => {
    healthy = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"status":"up","checks":{"kafka":"up"}}');
    });
    await new Promise<void>((resolve) => healthy.listen(0, '127.0.0.1', resolve));
    const healthyUrl = `http://127.0.0.1:${(healthy.address() as AddressInfo).port}/health/ready`;
    opsConsole = await startOpsConsole(
      opsConsoleConfigSchema.parse({
        ...platform(),
        HTTP_PORT: '0',
        OPS_PORT: '0',
        TRACE_EXPORTER: 'none',
        JWKS_FILE: fileURLToPath(import.meta.resolve('@hub/deploy-config/dev/portal-jwks.json')),
        HEALTH_TARGETS_JSON: JSON.stringify({
          'stub-service': healthyUrl,
          'gone-simulator': 'http://127.0.0.1:1/health/ready',
        }),
      }),
      { logger: createLogger('ops-console-test', 'warn') },
    );
    token = await operatorToken('pages-test');
  });
  afterAll(async () => {
    await opsConsole.stop();
    healthy.close();
  });

  async function get(path: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${opsConsole.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    return { status: response.status, body: await response.text() };
  }

  it('sends a visitor without a token to the login page', async () => {
    const response = await fetch(`${opsConsole.url}/fehlerablage`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/anmelden');
  });

  it('shows a dead letter escaped, with its headers, and none of the applicant’s personal data', async () => {
    // Given a dead letter whose payload is a full application and whose error message carries markup
    const service = `ops-console-test-${randomUUID().slice(0, 8)}`;
    const topic = `dlq.${service}.handler`;
    const admin = kafka.admin();
    await admin.connect();
    onTestFinished(async () => {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    });
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const application = {
      ...examples['portal/application-submitted'],
      applicationId: randomUUID(),
    };
    const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: application.applicationId,
          value: await serde.encode(
            'portal.application-submitted.v1-value',
            schemaType('portal/application-submitted'),
            application,
          ),
          headers: {
            'event-id': randomUUID(),
            'dlq-source-topic': 'portal.application-submitted.v1',
            'dlq-error-code': 'TEST_MARKUP',
            'dlq-error-message': '<script>alert(1)</script>',
            'dlq-last-failure-at': new Date().toISOString(),
          },
        },
      ],
    });

    // When the operator filters the workbench and opens the letter
    const workbench = await get(`/fehlerablage?code=TEST_MARKUP&dienst=${service}`);
    const detail = await get(`/fehlerablage/brief?id=${encodeURIComponent(`${topic}:0:0`)}`);

    // Then both show it, escaped, and the payload only as far as it is not personal
    expect(textOf(workbench.body)).toContain(`${topic} 1`);
    expect(textOf(workbench.body)).toContain(`${topic}:0:0 ${application.applicationId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(detail.body).not.toContain('<script>');
    expect(textOf(detail.body)).toContain(`applicationId ${application.applicationId}`);
    for (const personal of ['Erika', 'Mustermann', 'Musterstraße', 'erika@example.org'])
      expect(detail.body).not.toContain(personal);
  });

  it('shows the lag of a group per partition', async () => {
    const topic = await createTestTopic(kafka, 'ops-lag-topic');
    const group = uniqueGroup('ops-lag');
    const producer = await testProducer(kafka);
    await producer.send({
      topic,
      acks: -1,
      messages: ['a', 'b', 'c'].map((value) => ({ key: 'k', value })),
    });
    const admin = kafka.admin();
    await admin.connect();
    onTestFinished(() => admin.disconnect());
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '1' }] });

    const { body } = await get('/verzoegerung');
    const filtered = await get(`/verzoegerung?gruppe=${group}`);

    // group, topic, partition, committed, end, lag; the filter keeps only groups with the prefix
    expect(textOf(body)).toContain(`${group} ${topic} 0 1 3 2`);
    expect(textOf(filtered.body).match(/test\.ops-lag\.[0-9a-f]{8} /g)).toEqual([`${group} `]);
  });

  it('shows which service answers ready and which cannot be reached', async () => {
    const text = textOf((await get('/gesundheit')).body);
    expect(text).toContain('gone-simulator nicht erreichbar');
    expect(text).toContain('stub-service bereit 200 kafka: up');
  });

  it('refuses an application id that is not a UUID, naming the problem', async () => {
    const { status, body } = await get('/?antrag=Erika%20Mustermann');
    expect(status).toBe(400);
    expect(body).toContain('Keine gültige Antragsnummer');
  });
});
