import { createLogger, loadConfig, shutdownOnSignals, startTracing } from '@hub/kit';
import { paymentConnectorConfigSchema } from './config.js';
import { startPaymentConnector } from './payment-connector-service.js';

const config = loadConfig(paymentConnectorConfigSchema);
const tracing = startTracing({
  service: config.SERVICE_NAME,
  exporter: config.TRACE_EXPORTER,
  zipkinUrl: config.ZIPKIN_URL,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
const connector = await startPaymentConnector(config, { logger });
logger.info({ url: connector.url, opsPort: connector.opsPort }, 'payment-connector started');
shutdownOnSignals(
  async () => {
    await connector.stop();
    await tracing.shutdown();
  },
  { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
);
