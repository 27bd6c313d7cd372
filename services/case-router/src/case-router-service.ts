import {
  connectServiceClients,
  createLogger,
  DeliveryEngine,
  IdempotencyLedger,
  startOpsServer,
  type KitLogger,
} from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { onDeadline } from './case-decisions.js';
import { CaseRouter } from './case-router.js';
import { CaseStore } from './case-store.js';
import type { CaseRouterConfig } from './config.js';
import { caseRouterHandlers } from './handlers.js';

export interface RunningCaseRouter {
  readonly store: CaseStore;
  /** Checks deadlines now (the timer does so every DEADLINE_SCAN_INTERVAL_MS). */
  applyDeadlines(): Promise<number>;
  stop(): Promise<void>;
}

/** Wires and starts the case router: consumers, producer, ledger, deadline timer. */
export async function startCaseRouter(
  config: CaseRouterConfig,
  options: { now?: () => Date; logger?: KitLogger } = {},
): Promise<RunningCaseRouter> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const clients = await connectServiceClients(config);
  const { pool, kafka, serde, producer } = clients;
  const store = new CaseStore(pool);
  const ledger = new IdempotencyLedger(pool);
  await store.migrate();
  await ledger.migrate();

  const router = new CaseRouter(store, ledger, producer, {
    transportReportDeadlineMs: config.TRANSPORT_REPORT_DEADLINE_MS,
    paymentDeadlineMs: config.PAYMENT_DEADLINE_MS,
    ...(options.now ? { now: options.now } : {}),
  });
  const engine = new DeliveryEngine({ service: config.SERVICE_NAME, kafka, serde, logger });
  for (const handler of caseRouterHandlers(
    router,
    RoutingTable.fromFile(config.ROUTING_TABLE_FILE),
  ))
    engine.register(handler);
  await engine.start();

  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    metrics: engine.metricsRegistry,
    readiness: clients.readiness,
  });

  const applyDeadlines = () => router.applyDeadlines(pool, onDeadline);
  const timer = setInterval(() => {
    applyDeadlines().catch((error: unknown) => {
      logger.error({ err: error }, 'deadline scan failed; retried at the next interval');
    });
  }, config.DEADLINE_SCAN_INTERVAL_MS);

  return {
    store,
    applyDeadlines,
    async stop() {
      clearInterval(timer);
      ops.server.close();
      await engine.stop();
      await clients.close();
    },
  };
}
