import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '@hub/kit';
import {
  metricsText,
  notReadyWithout,
  platform,
  readyWith,
  tcpProxy,
  testKafka,
} from '@hub/test-support';
import { startXbauConnector } from '../src/xbau-connector-service.js';
import { deliveriesFromNowOn, testConnectorConfig } from './connector-config.js';
import { startSimulatorProcess } from './xta-simulator-process.js';

describe('xbau connector: ops endpoints', () => {
  it('serves /metrics, and /health/ready turns 503 without PostgreSQL and without the XTA server', async () => {
    const service = `xbau-connector-ops-${randomUUID().slice(0, 8)}`;
    // Not the requests earlier runs left on the shared topic: they would keep the pool busy.
    await deliveriesFromNowOn(testKafka(), service);
    const simulator = await startSimulatorProcess();
    onTestFinished(() => simulator.stop());
    const database = await tcpProxy(platform().DATABASE_URL);
    const connector = await startXbauConnector(
      testConnectorConfig(service, simulator.url, { DATABASE_URL: database.url }),
      { logger: createLogger(service, 'error') },
    );
    onTestFinished(() => connector.stop());

    expect(await metricsText(connector.opsPort)).toContain('xbau_replies_total');
    expect(await readyWith(connector.opsPort)).toEqual(['database', 'kafka', 'registry', 'xta']);

    await simulator.stop();
    await notReadyWithout(connector.opsPort, 'xta');
    await database.close();
    await notReadyWithout(connector.opsPort, 'database');
  }, 120_000);
});
