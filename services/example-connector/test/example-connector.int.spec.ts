import { afterAll, beforeAll } from 'vitest';
import { examples, topics } from '@hub/contracts';
import { bootstrapHubService, silentLogger } from '@hub/kit';
import { describeHandlerContract } from '@hub/kit/testing';
import { platform, startOutboundSimulator, type OutboundSimulator } from '@hub/test-support';
import { exampleConnectorConfigSchema } from '../src/config.js';
import { ExampleConnectorModule } from '../src/example-connector.module.js';

let receiver: OutboundSimulator;
beforeAll(async () => {
  receiver = await startOutboundSimulator();
});
afterAll(() => receiver.close());

describeHandlerContract({
  topic: topics.citizenStatusChanged,
  handler: 'citizen-status-changed',
  start: ({ service, topics: renamed }) => {
    const config = exampleConnectorConfigSchema.parse({
      ...platform(),
      SERVICE_NAME: service,
      OPS_PORT: '0',
      TRACE_EXPORTER: 'none',
      OUTBOUND_URL: `${receiver.url}/example-connector`,
    });
    return bootstrapHubService(ExampleConnectorModule, {
      config,
      logger: silentLogger,
      topics: renamed,
    });
  },
  event: (applicationId) => ({ ...examples['case/citizen-status-changed'], applicationId }),
  effectsOf: (applicationId) =>
    Promise.resolve(
      receiver.received.filter(
        (request) => (request.body as { applicationId?: string }).applicationId === applicationId,
      ).length,
    ),
});
