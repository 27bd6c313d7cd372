import { loadConfig, runService } from '@hub/kit';
import { startCaseRouter } from './case-router-service.js';
import { caseRouterConfigSchema } from './config.js';

await runService(
  () => loadConfig(caseRouterConfigSchema),
  (config, logger) => startCaseRouter(config, { logger }),
);
