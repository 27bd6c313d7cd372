import { loadConfig, runService, startOpsServer } from '@hub/kit';
import { xbauConnectorConfigSchema } from './config.js';
import { startXbauConnector } from './xbau-connector-service.js';

await runService(
  () => loadConfig(xbauConnectorConfigSchema),
  async (config, logger) => {
    const connector = await startXbauConnector(config, { logger });
    const ops = await startOpsServer({
      port: config.HTTP_PORT,
      metrics: connector.metrics,
      readiness: {},
    });
    return {
      httpPort: ops.port,
      async stop() {
        ops.server.close();
        await connector.stop();
      },
    };
  },
  (running) => ({ httpPort: running.httpPort }),
);
