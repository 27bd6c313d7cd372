import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventTopics, topicCatalogue } from '@hub/contracts';
import { ensureTopics, type KitLogger } from '@hub/kit';
import { platform, startGroupsAtEnd, testKafka, uniqueServiceName } from '@hub/test-support';
import { gatewayConfigSchema } from '../src/config.js';
import { startGateway } from '../src/gateway.js';
import { issuer, portalIdentityProvider } from './portal-tokens.js';

export const citizen = 'postbox-7f3a9c21';
export const maxBodyBytes = 64 * 1024;

/** The real gateway on a free port against the shared platform, with a test identity provider. */
export async function startGatewayUnderTest(env: Record<string, string> = {}) {
  await ensureTopics(
    testKafka(),
    topicCatalogue(eventTopics).map((spec) => ({ topic: spec.name, partitions: spec.partitions })),
  );
  const idp = await portalIdentityProvider(mkdtempSync(join(tmpdir(), 'gateway-')));
  const endpoints = platform();
  const service = uniqueServiceName('portal-gateway-it');
  await startGroupsAtEnd(testKafka(), service, 'portal-gateway');
  /** What the gateway logged, by level, so tests can tell an info from an error. */
  const logged: { level: keyof KitLogger; message: string }[] = [];
  const record =
    (level: keyof KitLogger) =>
    (_fields: object, message: string): void => {
      logged.push({ level, message });
    };
  const logger: KitLogger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const gateway = await startGateway(
    gatewayConfigSchema.parse({
      SERVICE_NAME: service,
      HTTP_PORT: '0',
      OPS_PORT: '0',
      KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
      SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
      DATABASE_URL: endpoints.DATABASE_URL,
      ROUTING_TABLE_FILE: fileURLToPath(
        import.meta.resolve('@hub/deploy-config/routing-table.json'),
      ),
      JWKS_FILE: idp.jwksFile,
      JWT_ISSUER: issuer,
      MAX_BODY_BYTES: String(maxBodyBytes),
      // The test process is client and gateway at once and busy in bursts: the event-loop signal
      // is switched off except where a test is about it.
      MAX_EVENT_LOOP_UTILIZATION: '1',
      ...env,
    }),
    { logger },
  );

  async function post(body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
    const response = await fetch(`${gateway.url}/v1/applications`, {
      method: 'POST',
      body,
      headers,
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      json: (await response.json()) as Record<string, unknown>,
    };
  }

  async function submit(body: unknown, extraHeaders: Record<string, string> = {}) {
    const token = await idp.token({ citizenAccount: citizen });
    return post(JSON.stringify(body), {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...extraHeaders,
    });
  }

  return { gateway, idp, post, submit, logged, service };
}
