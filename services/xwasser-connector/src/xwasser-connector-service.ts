import { bootstrapHubService, type KitLogger, type RoundTimer } from '@hub/kit';
import { Registry } from 'prom-client';
import type { XwasserConnectorConfig } from './config.js';
import { LAB_REPORT_ROUNDS, XwasserConnectorModule } from './xwasser-connector.module.js';

export interface RunningXwasserConnector {
  readonly metrics: Registry;
  readonly opsPort: number;
  /** Takes the box's messages now (the timer does so every POLL_INTERVAL_MS). */
  pollBox(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the XWasser connector in the one service shape (tests use this; main.ts runs the same). */
export async function startXwasserConnector(
  config: XwasserConnectorConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningXwasserConnector> {
  const service = await bootstrapHubService(XwasserConnectorModule, {
    config,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const rounds = service.get<RoundTimer<number>>(LAB_REPORT_ROUNDS);
  return {
    metrics: service.get<Registry>(Registry),
    opsPort: service.opsPort,
    pollBox: () => rounds.runNow(),
    stop: () => service.stop(),
  };
}
