import { createLogger, loadConfig, shutdownOnSignals, startTracing } from '@hub/kit';
import { gatewayConfigSchema } from './config.js';
import { startGateway } from './gateway.js';

const config = loadConfig(gatewayConfigSchema);
const tracing = startTracing({
  service: config.SERVICE_NAME,
  exporter: config.TRACE_EXPORTER,
  zipkinUrl: config.ZIPKIN_URL,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
const gateway = await startGateway(config, { logger });
logger.info({ url: gateway.url }, 'portal-gateway listening');
shutdownOnSignals(
  async () => {
    await gateway.close();
    await tracing.shutdown();
  },
  { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
);
