import { createLogger, loadConfig, shutdownOnSignals, startTracing } from '@hub/kit';
import { startCaseRouter } from './case-router-service.js';
import { caseRouterConfigSchema } from './config.js';

const config = loadConfig(caseRouterConfigSchema);
const tracing = startTracing({
  service: config.SERVICE_NAME,
  exporter: config.TRACE_EXPORTER,
  zipkinUrl: config.ZIPKIN_URL,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
const router = await startCaseRouter(config, { logger });
logger.info({ service: config.SERVICE_NAME }, 'case-router started');
shutdownOnSignals(
  async () => {
    await router.stop();
    await tracing.shutdown();
  },
  { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
);
