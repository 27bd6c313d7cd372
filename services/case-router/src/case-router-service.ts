import {
  connectServiceClients,
  createLogger,
  DeliveryEngine,
  ensureTopics,
  IdempotencyLedger,
  Lease,
  startOpsServer,
  type LeaseRound,
  type KitLogger,
} from '@hub/kit';
import { RoutingTable } from '@hub/routing';
import { onDeadline } from './case-decisions.js';
import { CaseRouterMetrics } from './case-router-metrics.js';
import { CaseRouter } from './case-router.js';
import { CaseStore } from './case-store.js';
import type { CaseRouterConfig } from './config.js';
import {
  deadLetterWatchers,
  watchedDeadLetterTopics,
  withUndecodedDeadLetters,
} from './dead-letter-watch.js';
import { caseRouterHandlers } from './handlers.js';
import { checkStuckApplications } from './stuck-watchdog.js';

export interface RunningCaseRouter {
  readonly store: CaseStore;
  /** Checks deadlines now (the timer does so every DEADLINE_SCAN_INTERVAL_MS). */
  applyDeadlines(): Promise<number>;
  /** Flags applications stuck for WATCHDOG_STUCK_AFTER_MS now (the timer does so too); how many were new. */
  checkStuck(): Promise<number>;
  readonly metricsUrl: string;
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
  const engine = new DeliveryEngine({
    service: config.SERVICE_NAME,
    kafka,
    serde: withUndecodedDeadLetters(serde),
    logger,
  });
  const metrics = new CaseRouterMetrics(engine.metricsRegistry);
  for (const handler of caseRouterHandlers(
    router,
    RoutingTable.fromFile(config.ROUTING_TABLE_FILE),
  ))
    engine.register(handler);
  for (const watcher of deadLetterWatchers(router, metrics, logger)) engine.register(watcher);
  // The watched topics may not exist yet when no connector has dead-lettered anything.
  await ensureTopics(
    kafka,
    watchedDeadLetterTopics().map((topic) => ({ topic, partitions: 1 })),
  );
  await engine.start();

  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    metrics: engine.metricsRegistry,
    readiness: clients.readiness,
  });

  // Scheduled work is done by one instance at a time; the others skip the round (count 0).
  const exclusive = (work: string, run: () => Promise<number>) => {
    const lease = new Lease(pool, `${config.SERVICE_NAME}.${work}`);
    return () => lease.runExclusive(run).then(countOf);
  };
  const applyDeadlines = exclusive('deadlines', () => router.applyDeadlines(pool, onDeadline));
  const checkStuck = exclusive('stuck-watchdog', () =>
    checkStuckApplications(
      store,
      metrics,
      logger,
      config.WATCHDOG_STUCK_AFTER_MS,
      router.decisionSettings().now,
    ),
  );
  const timer = setInterval(() => {
    applyDeadlines().catch((error: unknown) => {
      logger.error({ err: error }, 'deadline scan failed; retried at the next interval');
    });
    checkStuck().catch((error: unknown) => {
      logger.error({ err: error }, 'stuck scan failed; retried at the next interval');
    });
  }, config.DEADLINE_SCAN_INTERVAL_MS);

  return {
    store,
    applyDeadlines,
    checkStuck,
    metricsUrl: `http://127.0.0.1:${String(ops.port)}/metrics`,
    async stop() {
      clearInterval(timer);
      ops.server.close();
      await engine.stop();
      await clients.close();
    },
  };
}

function countOf(round: LeaseRound<number>): number {
  return round.ran ? round.result : 0;
}
