import { loadConfig, runService } from '@hub/kit';
import { opsConsoleConfigSchema } from './config.js';
import { startOpsConsole } from './ops-console.js';

await runService(
  () => loadConfig(opsConsoleConfigSchema),
  (config, logger) => startOpsConsole(config, { logger }),
  (console) => ({ url: console.url }),
);
