import {
  createLogger,
  loadConfig,
  shutdownOnSignals,
  startOpsServer,
  startTracing,
} from '@hub/kit';
import { xbauConnectorConfigSchema } from './config.js';
import { startXbauConnector } from './xbau-connector-service.js';

const config = loadConfig(xbauConnectorConfigSchema);
const tracing = startTracing({
  service: config.SERVICE_NAME,
  exporter: config.TRACE_EXPORTER,
  zipkinUrl: config.ZIPKIN_URL,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
const connector = await startXbauConnector(config, { logger });
const ops = await startOpsServer({
  port: config.HTTP_PORT,
  metrics: connector.metrics,
  readiness: {},
});
logger.info({ httpPort: ops.port }, 'xbau-connector started');
shutdownOnSignals(
  async () => {
    ops.server.close();
    await connector.stop();
    await tracing.shutdown();
  },
  { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
);
