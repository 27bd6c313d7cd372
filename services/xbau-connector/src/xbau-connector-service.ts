import {
  connectServiceClients,
  createLogger,
  DeliveryEngine,
  groupOf,
  IdempotencyLedger,
  Lease,
  type KitLogger,
} from '@hub/kit';
import { XoevValidator, XtaClient } from '@hub/xoev';
import type { Registry } from 'prom-client';
import type { XbauConnectorConfig } from './config.js';
import { deliveryRequestedHandler } from './delivery-requested.handler.js';
import { DeliveredRecipients } from './replies/delivered-recipients.js';
import { startReplyPoller } from './replies/start-reply-poller.js';
import { XbauTransport } from './xta/xbau-transport.js';

export interface RunningXbauConnector {
  readonly metrics: Registry;
  /**
   * Fetches replies now (the timer does so every REPLY_POLL_INTERVAL_MS); 0 while another
   * instance of the service holds the message box's lease.
   */
  pollReplies(): Promise<number>;
  stop(): Promise<void>;
}

/** Wires and starts the XBau connector: delivery consumer, reply poller, producers, ledger. */
export async function startXbauConnector(
  config: XbauConnectorConfig,
  options: { logger?: KitLogger } = {},
): Promise<RunningXbauConnector> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const clients = await connectServiceClients(config);
  const { pool, kafka, serde, producer } = clients;
  const ledger = new IdempotencyLedger(pool);
  const recipients = new DeliveredRecipients(pool);
  await ledger.migrate();
  await recipients.migrate();

  const deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await deadLetters.connect();

  const validator = new XoevValidator();
  validator.warmUp();
  const xta = await XtaClient.create({
    endpoint: config.XTA_ENDPOINT_URL,
    security: { kind: 'none' },
    timeoutMs: config.XTA_CALL_TIMEOUT_MS,
  });

  const engine = new DeliveryEngine({ service: config.SERVICE_NAME, kafka, serde, logger });
  engine.register(
    deliveryRequestedHandler({
      ledger,
      producer,
      validator,
      transport: new XbauTransport(xta, {
        pollIntervalMs: config.TRANSPORT_REPORT_POLL_INTERVAL_MS,
        deadlineMs: config.TRANSPORT_REPORT_DEADLINE_MS,
      }),
      recipients,
      author: { id: config.XTA_AUTHOR_ID, name: config.XTA_AUTHOR_NAME },
      group: groupOf(config.SERVICE_NAME, 'delivery-requested'),
      retry: {
        maxAttempts: config.RETRY_MAX_ATTEMPTS,
        initialDelayMs: config.RETRY_INITIAL_DELAY_MS,
        maxDelayMs: config.RETRY_MAX_DELAY_MS,
      },
    }),
  );

  const { poller } = await startReplyPoller(config, {
    kafka,
    pool,
    xta,
    validator,
    ledger,
    recipients,
    producer,
    deadLetters,
    logger,
    metrics: engine.metricsRegistry,
  });
  await engine.start();

  // One round at a time: the next is scheduled when the previous has finished. Across instances
  // the lease lets one of them poll the shared message box per round (the others skip it).
  const lease = new Lease(pool, groupOf(config.SERVICE_NAME, 'replies'));
  let stopping = false;
  let round: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pollReplies = (): Promise<number> => {
    const next = round.then(async () => {
      const polled = await lease.runExclusive(() => poller.pollOnce());
      return polled.ran ? polled.result : 0;
    });
    round = next.catch(() => undefined);
    return next;
  };
  const schedule = (): void => {
    timer = setTimeout(() => {
      pollReplies()
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'reply round failed; the unfinished replies stay in the box');
        })
        .finally(() => {
          if (!stopping) schedule();
        });
    }, config.REPLY_POLL_INTERVAL_MS);
  };
  schedule();

  return {
    metrics: engine.metricsRegistry,
    pollReplies,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await round;
      await engine.stop();
      await deadLetters.disconnect();
      await clients.close();
      validator.dispose();
    },
  };
}
