import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '@hub/kit';
import {
  startGroupsAtEnd,
  metricsText,
  notReadyWithout,
  platform,
  readyWith,
  tcpProxy,
  testKafka,
} from '@hub/test-support';
import { gatewayConfigSchema } from '../src/config.js';
import { startGateway } from '../src/gateway.js';
import { issuer, portalIdentityProvider } from './portal-tokens.js';

describe('portal gateway: ops endpoints', () => {
  it('serves /metrics on OPS_PORT, and /health/ready turns 503 without PostgreSQL and without the identity provider', async () => {
    const service = `portal-gateway-ops-${randomUUID().slice(0, 8)}`;
    await startGroupsAtEnd(testKafka(), service, 'portal-gateway');
    const idp = await portalIdentityProvider(mkdtempSync(join(tmpdir(), 'gateway-ops-')));
    // The identity provider's JWKS endpoint: the gateway's one outbound dependency.
    const jwks = createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(readFileSync(idp.jwksFile));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const stopJwks = () =>
      new Promise<void>((resolve) => {
        jwks.close(() => {
          resolve();
        });
        jwks.closeAllConnections();
      });
    onTestFinished(() => (jwks.listening ? stopJwks() : undefined));
    const database = await tcpProxy(platform().DATABASE_URL);
    const gateway = await startGateway(
      gatewayConfigSchema.parse({
        ...platform(),
        SERVICE_NAME: service,
        DATABASE_URL: database.url,
        HTTP_PORT: '0',
        OPS_PORT: '0',
        TRACE_EXPORTER: 'none',
        JWKS_URL: `http://127.0.0.1:${String((jwks.address() as AddressInfo).port)}/jwks.json`,
        JWT_ISSUER: issuer,
      }),
      { logger: silentLogger },
    );
    onTestFinished(() => gateway.stop());

    expect(await metricsText(gateway.opsPort)).toContain('hub_events_processed_total');
    expect((await fetch(`${gateway.url}/openapi.json`)).status).toBe(200);
    expect(await readyWith(gateway.opsPort)).toEqual([
      'database',
      'identity-provider',
      'kafka',
      'registry',
    ]);

    await stopJwks();
    await notReadyWithout(gateway.opsPort, 'identity-provider');
    await database.close();
    await notReadyWithout(gateway.opsPort, 'database');
  }, 120_000);
});
