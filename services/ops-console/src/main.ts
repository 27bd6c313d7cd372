import { loadConfig, runHubService } from '@hub/kit';
import { opsConsoleConfigSchema } from './config.js';
import { consoleHttp } from './ops-console.js';
import { OpsConsoleModule } from './ops-console.module.js';

await runHubService(
  () => loadConfig(opsConsoleConfigSchema),
  () => OpsConsoleModule,
  (config, logger) => ({ http: consoleHttp(config, logger) }),
);
