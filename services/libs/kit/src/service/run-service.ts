import type { KitConfig } from '../config/kit-config.js';
import { createLogger, type KitLogger } from '../observability/logger.js';
import { startTracing } from '../observability/tracing.js';
import { shutdownOnSignals } from '../shutdown.js';

/** EX_CONFIG of sysexits: the service was started with a configuration it cannot run with. */
const exitConfigInvalid = 78;

/** The configuration, or the process ends naming what is wrong (no stack trace, no values). */
function configOrExit<C>(load: () => C): C {
  try {
    return load();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(exitConfigInvalid);
  }
}

/**
 * A service's `main`: its configuration (see loadConfig), then tracing (before any client exists), then the JSON logger, then the
 * service itself; logs `<service> started` with what `describe` tells (e.g. its URL); on SIGTERM
 * stops it within SHUTDOWN_TIMEOUT_MS and flushes the spans.
 */
export async function runService<C extends KitConfig, S extends { stop(): Promise<void> }>(
  load: () => C,
  start: (config: C, logger: KitLogger) => Promise<S>,
  describe: (service: S) => Record<string, unknown> = () => ({}),
): Promise<S> {
  const config = configOrExit(load);
  const tracing = startTracing({
    service: config.SERVICE_NAME,
    exporter: config.TRACE_EXPORTER,
    zipkinUrl: config.ZIPKIN_URL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    sampleRatio: config.TRACE_SAMPLE_RATIO,
  });
  const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const service = await start(config, logger);
  logger.info(describe(service), `${config.SERVICE_NAME} started`);
  shutdownOnSignals(
    async () => {
      await service.stop();
      await tracing.shutdown();
    },
    { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger },
  );
  return service;
}
