import type { DynamicModule, Type } from '@nestjs/common';
import type { KitConfig } from '../config/kit-config.js';
import type { KitLogger } from '../observability/logger.js';
import { runService } from '../service/run-service.js';
import {
  bootstrapHubService,
  type HubService,
  type HubServiceOptions,
} from './bootstrap-hub-service.js';

/**
 * A service's whole `main.ts`: configuration (refuses to start naming the variable), tracing,
 * logger, the Nest application (bootstrapHubService), graceful shutdown on SIGTERM.
 */
export function runHubService<C extends KitConfig>(
  load: () => C,
  appModule: (config: C) => Type | DynamicModule,
  options: (
    config: C,
    logger: KitLogger,
  ) => Omit<HubServiceOptions<C>, 'config' | 'logger'> = () => ({}),
): Promise<HubService> {
  return runService(
    load,
    (config, logger) =>
      bootstrapHubService(appModule(config), { ...options(config, logger), config, logger }),
    (service) => ({ opsPort: service.opsPort, ...(service.url ? { url: service.url } : {}) }),
  );
}
