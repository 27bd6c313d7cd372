import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bootstrapHubService, silentLogger } from '@hub/kit';
import {
  metricsText,
  notReadyWithout,
  platform,
  readinessBecomes,
  startOutboundSimulator,
  tcpProxy,
} from '@hub/test-support';
import { exampleConnectorConfigSchema } from '../src/config.js';
import { ExampleConnectorModule } from '../src/example-connector.module.js';

describe('the example-connector ops endpoints', () => {
  it('serve /metrics, and /health/ready turns 503 without PostgreSQL or the outbound system', async () => {
    const receiver = await startOutboundSimulator();
    onTestFinished(() => receiver.close().catch(() => undefined));
    const database = await tcpProxy(platform().DATABASE_URL);
    const config = exampleConnectorConfigSchema.parse({
      ...platform(),
      DATABASE_URL: database.url,
      SERVICE_NAME: `example-connector-ops-${randomUUID().slice(0, 8)}`,
      OPS_PORT: '0',
      TRACE_EXPORTER: 'none',
      OUTBOUND_URL: `${receiver.url}/example-connector`,
    });
    const service = await bootstrapHubService(ExampleConnectorModule, {
      config,
      logger: silentLogger,
    });
    onTestFinished(() => service.stop());

    await readinessBecomes(service.opsPort, 200);
    expect(await metricsText(service.opsPort)).toContain('hub_events_processed_total');
    await receiver.close();
    await notReadyWithout(service.opsPort, 'outbound');

    const again = await startOutboundSimulator(Number(new URL(receiver.url).port));
    onTestFinished(() => again.close());
    await readinessBecomes(service.opsPort, 200);
    await database.close();
    await notReadyWithout(service.opsPort, 'database');
  }, 90_000);
});
