import { bootstrapHubService, type KitLogger, type RoundTimer } from '@hub/kit';
import { Registry } from 'prom-client';
import type { XbauConnectorConfig } from './config.js';
import { REPLY_ROUNDS, XbauConnectorModule } from './xbau-connector.module.js';

export interface RunningXbauConnector {
  readonly metrics: Registry;
  readonly opsPort: number;
  /** Fetches replies now (the timer does so every REPLY_POLL_INTERVAL_MS). */
  pollReplies(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the XBau connector in the one service shape (tests use this; main.ts runs the same). */
export async function startXbauConnector(
  config: XbauConnectorConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningXbauConnector> {
  const service = await bootstrapHubService(XbauConnectorModule, {
    config,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const rounds = service.get<RoundTimer<number>>(REPLY_ROUNDS);
  return {
    metrics: service.get<Registry>(Registry),
    opsPort: service.opsPort,
    pollReplies: () => rounds.runNow(),
    stop: () => service.stop(),
  };
}
