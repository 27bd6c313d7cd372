import { loadConfig, runHubService } from '@hub/kit';
import { gatewayConfigSchema } from './config.js';
import { gatewayHttp } from './gateway.js';
import { GatewayModule } from './gateway.module.js';

await runHubService(
  () => loadConfig(gatewayConfigSchema),
  () => GatewayModule,
  (config, logger) => ({ http: gatewayHttp(config, logger) }),
);
