import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  createLogger,
  DeliveryEngine,
  EventProducer,
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
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
  const store = new CaseStore(pool);
  const ledger = new IdempotencyLedger(pool);
  await store.migrate();
  await ledger.migrate();

  const kafka = new Kafka({
    clientId: config.SERVICE_NAME,
    brokers: config.KAFKA_BROKERS.split(','),
    logLevel: logLevel.WARN,
  });
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const serde = new AvroSerde(registry);
  const producer = new EventProducer(config.SERVICE_NAME, kafka, serde);
  await producer.connect();

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

  const admin = kafka.admin();
  await admin.connect();
  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    metrics: engine.metricsRegistry,
    readiness: {
      kafka: () => admin.describeCluster(),
      registry: () => registry.subjects(),
      database: () => pool.query('select 1'),
    },
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
      await admin.disconnect();
      await producer.disconnect();
      await pool.end();
    },
  };
}
