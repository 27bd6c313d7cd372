import { runService } from '@hub/kit';
import { open311Config } from './config.js';
import { startOpen311Gateway } from './open311-gateway.js';

await runService(
  () => open311Config(),
  (config, logger) => startOpen311Gateway(config, logger),
  (gateway) => ({ open311BaseUrl: gateway.baseUrl, opsPort: gateway.opsPort }),
);
