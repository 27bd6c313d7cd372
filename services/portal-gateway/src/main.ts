import { loadConfig, runService } from '@hub/kit';
import { gatewayConfigSchema } from './config.js';
import { startGateway } from './gateway.js';

await runService(
  () => loadConfig(gatewayConfigSchema),
  (config, logger) => startGateway(config, { logger }),
  (gateway) => ({ url: gateway.url }),
);
