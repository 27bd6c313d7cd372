import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  DeliveryEngine,
  IdempotencyLedger,
  KafkaTransport,
  PassErrorsToDelivery,
  startOpsServer,
  type KitConfig,
  type KitLogger,
} from '@hub/kit';
import { AppModule } from './app.module.js';
import { receiptsTable } from './receipts.js';

export interface RunningConnector {
  readonly opsPort: number;
  stop(): Promise<void>;
}

/** Wires the kit around the handlers: Kafka, registry, ledger, Nest transport, ops endpoints. */
export async function startConnector(
  config: KitConfig,
  logger: KitLogger,
  topics: Record<string, string> = {},
): Promise<RunningConnector> {
  const kafka = new Kafka({
    clientId: config.SERVICE_NAME,
    brokers: config.KAFKA_BROKERS.split(','),
    logLevel: logLevel.ERROR,
  });
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL });
  const ledger = new IdempotencyLedger(pool);
  await ledger.migrate();
  await pool.query(receiptsTable);

  const engine = new DeliveryEngine({
    service: config.SERVICE_NAME,
    kafka,
    serde: new AvroSerde(registry),
    logger,
  });
  const strategy = new KafkaTransport(engine, {
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    topics,
  });
  // Nest types its options as a class but takes (and documents) plain objects.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice(AppModule.with(ledger), {
    strategy,
    logger: false,
  });
  app.useGlobalFilters(new PassErrorsToDelivery());
  await app.listen();

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
  logger.info({ opsPort: ops.port }, 'connector started');

  return {
    opsPort: ops.port,
    async stop() {
      await app.close();
      ops.server.close();
      await admin.disconnect();
      await pool.end();
    },
  };
}
