import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '@hub/kit';
import {
  startGroupsAtEnd,
  metricsText,
  notReadyWithout,
  platform,
  readyWith,
  tcpProxy,
  testKafka,
} from '@hub/test-support';
import { paymentConnectorConfigSchema } from '../src/config.js';
import { startPaymentConnector } from '../src/payment-connector-service.js';
import { NOTIFICATION_SECRET, startSimulatorProcess } from './simulator-process.js';

describe('payment connector: ops endpoints', () => {
  it('serves /metrics, and /health/ready turns 503 without PostgreSQL and without the provider', async () => {
    const service = `payment-connector-ops-${randomUUID().slice(0, 8)}`;
    await startGroupsAtEnd(testKafka(), service, 'payment-connector');
    const stops: (() => Promise<void>)[] = [];
    const simulator = await startSimulatorProcess((stop) => stops.push(stop));
    const stopSimulator = async () => {
      for (const stop of stops.splice(0)) await stop();
    };
    onTestFinished(stopSimulator);
    const database = await tcpProxy(platform().DATABASE_URL);
    const connector = await startPaymentConnector(
      paymentConnectorConfigSchema.parse({
        ...platform(),
        SERVICE_NAME: service,
        DATABASE_URL: database.url,
        TRACE_EXPORTER: 'none',
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        OPS_PORT: '0',
        POLL_INTERVAL_MS: '3600000',
        PAYMENT_PROFILE_JSON: JSON.stringify({
          name: `ops-${randomUUID().slice(0, 8)}`,
          baseUrl: simulator.url,
          originatorId: 'musterstadt',
          endpointId: 'bauamt',
          auth: { kind: 'none' },
          paymentMethods: ['CREDITCARD'],
          notifications: { secret: NOTIFICATION_SECRET },
        }),
      }),
      { logger: createLogger(service, 'error') },
    );
    onTestFinished(() => connector.stop());

    expect(await metricsText(connector.opsPort)).toContain('payment_status_checks_total');
    expect(await readyWith(connector.opsPort)).toEqual([
      'database',
      'kafka',
      'payment-provider',
      'registry',
    ]);

    await stopSimulator();
    await notReadyWithout(connector.opsPort, 'payment-provider');
    await database.close();
    await notReadyWithout(connector.opsPort, 'database');
  }, 120_000);
});
