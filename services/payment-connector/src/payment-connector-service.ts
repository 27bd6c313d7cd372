import {
  connectServiceClients,
  createLogger,
  DeliveryEngine,
  Lease,
  startOpsServer,
  type HandlerDefinition,
  type KitLogger,
} from '@hub/kit';
import { XBezahldiensteClient } from '@hub/xbezahldienste';
import { applicationRejectedHandler } from './application-rejected.handler.js';
import { BackgroundChecks } from './background-checks.js';
import { providerProfileOf, type PaymentConnectorConfig } from './config.js';
import { startPaymentHttpServer } from './http/payment-http-server.js';
import { PaymentEvents } from './payment-events.js';
import { PaymentMetrics } from './payment-metrics.js';
import { paymentRequestedHandler } from './payment-requested.handler.js';
import { PaymentStore } from './payment-store.js';
import { PaymentVerifier } from './payment-verifier.js';
import { pollOpenPayments } from './poll/abandoned-poller.js';

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

/** Wires and starts the payment connector: consumers, producer, provider client, endpoints, poller. */
export async function startPaymentConnector(
  config: PaymentConnectorConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningPaymentConnector> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const profile = providerProfileOf(config);
  const clients = await connectServiceClients(config);
  const { pool, kafka, serde, producer } = clients;
  const store = new PaymentStore(pool);
  await store.migrate();

  const engine = new DeliveryEngine({ service: config.SERVICE_NAME, kafka, serde, logger });
  const metrics = new PaymentMetrics(engine.metricsRegistry);

  const client = new XBezahldiensteClient(profile);
  const events = new PaymentEvents(producer);
  const verifier = new PaymentVerifier(client, store, events, metrics, logger);
  const checks = new BackgroundChecks(verifier, logger);
  const http = await startPaymentHttpServer(
    {
      store,
      checks,
      metrics,
      logger,
      signature: profile.notifications,
      portalReturnUrl: config.PORTAL_RETURN_URL,
    },
    config.HTTP_PORT,
    config.HTTP_HOST,
  );
  const url = (config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${http.port}`).replace(/\/$/, '');

  const retry = {
    maxAttempts: config.RETRY_MAX_ATTEMPTS,
    initialDelayMs: config.RETRY_INITIAL_DELAY_MS,
    maxDelayMs: config.RETRY_MAX_DELAY_MS,
  };
  const handlers: HandlerDefinition<never>[] = [
    paymentRequestedHandler({
      client,
      store,
      events,
      verifier,
      provider: profile.name,
      urlsFor: (paymentId) => ({
        returnUrl: `${url}/payments/return/${paymentId}`,
        notificationUrl: `${url}/payments/notifications`,
      }),
    }),
    applicationRejectedHandler({ client, store, events, verifier, metrics, logger }),
  ];
  for (const handler of handlers) engine.register({ ...handler, retry });
  await engine.start();

  const ops = await startOpsServer({
    port: config.OPS_PORT,
    metrics: engine.metricsRegistry,
    readiness: clients.readiness,
  });

  const pollSettings = {
    provider: profile.name,
    pollAfterMs: config.POLL_AFTER_MS,
    abandonDeadlineMs: config.ABANDON_DEADLINE_MS,
  };
  // One instance at a time checks the open payments; the others skip the round (count 0).
  const pollLease = new Lease(pool, `${config.SERVICE_NAME}.payment-poll`);
  const pollNow = async (now?: Date) => {
    const round = await pollLease.runExclusive(() =>
      pollOpenPayments(store, verifier, pollSettings, logger, now),
    );
    return round.ran ? round.result : 0;
  };
  let polling: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    polling = pollNow().catch((error: unknown) => {
      logger.error({ err: error }, 'poll round failed; retried at the next interval');
    });
  }, config.POLL_INTERVAL_MS);

  return {
    url,
    opsPort: ops.port,
    store,
    pollNow,
    checksIdle: () => checks.idle(),
    async stop() {
      clearInterval(timer);
      http.server.close();
      await engine.stop(config.SHUTDOWN_TIMEOUT_MS);
      await polling;
      await checks.idle();
      ops.server.close();
      client.close();
      await clients.close();
    },
  };
}
