import { bootstrapHubService, type KitConfig, type KitLogger } from '@hub/kit';
import { AppModule } from './app.module.js';

export interface RunningConnector {
  readonly opsPort: number;
  stop(): Promise<void>;
}

/** Starts the connector in the one service shape; `topics` renames topics for tests. */
export async function startConnector(
  config: KitConfig,
  logger: KitLogger,
  topics: Record<string, string> = {},
): Promise<RunningConnector> {
  const service = await bootstrapHubService(AppModule, { config, logger, topics });
  return { opsPort: service.opsPort, stop: () => service.stop() };
}
