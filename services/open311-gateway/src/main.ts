import { loadConfig, runHubService } from '@hub/kit';
import { open311ConfigSchema } from './config.js';
import { open311Http } from './open311-gateway.js';
import { Open311Module } from './open311.module.js';

await runHubService(
  () => loadConfig(open311ConfigSchema),
  () => Open311Module,
  (config, logger) => ({ http: open311Http(config, logger) }),
);
