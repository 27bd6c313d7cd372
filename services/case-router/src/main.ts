import { loadConfig, shutdownOnSignals, createLogger } from '@hub/kit';
import { startCaseRouter } from './case-router-service.js';
import { caseRouterConfigSchema } from './config.js';

const config = loadConfig(caseRouterConfigSchema);
const logger = createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
const router = await startCaseRouter(config, { logger });
logger.info({ service: config.SERVICE_NAME }, 'case-router started');
shutdownOnSignals(() => router.stop(), { timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger });
