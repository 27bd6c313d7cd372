import { bootstrapHubService, KIT_LOGGER, type HubService, type KitLogger } from '@hub/kit';
import type { PaymentConnectorConfig } from './config.js';
import { BackgroundChecks } from './background-checks.js';
import { PaymentConnectorModule, POLL_SETTINGS } from './payment-connector.module.js';
import { PaymentStore } from './payment-store.js';
import { PaymentVerifier } from './payment-verifier.js';
import { pollOpenPayments, type PollSettings } from './poll/abandoned-poller.js';

export interface RunningPaymentConnector {
  /** Base URL of the return and notification endpoints as the provider and citizen reach them. */
  readonly url: string;
  readonly opsPort: number;
  readonly store: PaymentStore;
  /** Polls open transactions now, as of `now` (the timer does so every POLL_INTERVAL_MS). */
  pollNow(now?: Date): Promise<number>;
  /** Resolves when every status check started by a return or notification has finished. */
  checksIdle(): Promise<void>;
  stop(): Promise<void>;
}

/** The payment connector's business HTTP: raw bodies, for the notification signature. */
export function paymentHttp(config: PaymentConnectorConfig) {
  return { port: config.HTTP_PORT, host: config.HTTP_HOST, bodyParser: false } as const;
}

/** Starts the payment connector in the one service shape (tests use this; main.ts runs the same). */
export async function startPaymentConnector(
  config: PaymentConnectorConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningPaymentConnector> {
  const service: HubService = await bootstrapHubService(PaymentConnectorModule, {
    config,
    http: paymentHttp(config),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const store = service.get<PaymentStore>(PaymentStore);
  const verifier = service.get<PaymentVerifier>(PaymentVerifier);
  const settings = service.get<PollSettings>(POLL_SETTINGS);
  const logger = service.get<KitLogger>(KIT_LOGGER);
  return {
    url: (config.PUBLIC_BASE_URL ?? service.url ?? '').replace(/\/$/, ''),
    opsPort: service.opsPort,
    store,
    pollNow: (now?: Date) => pollOpenPayments(store, verifier, settings, logger, now),
    checksIdle: () => service.get<BackgroundChecks>(BackgroundChecks).idle(),
    stop: () => service.stop(),
  };
}
