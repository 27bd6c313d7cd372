import { createLogger, shutdownOnSignals, startTracing } from '@hub/kit';
import { config } from './config.js';
import { startConnector } from './connector.js';

const settings = (() => {
  try {
    return config();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(78);
  }
})();
const tracing = startTracing({
  service: settings.SERVICE_NAME,
  exporter: settings.TRACE_EXPORTER,
  zipkinUrl: settings.ZIPKIN_URL,
  otlpEndpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger(settings.SERVICE_NAME, settings.LOG_LEVEL);
const connector = await startConnector(settings, logger);
shutdownOnSignals(
  async () => {
    await connector.stop();
    await tracing.shutdown();
  },
  { timeoutMs: settings.SHUTDOWN_TIMEOUT_MS, logger },
);
