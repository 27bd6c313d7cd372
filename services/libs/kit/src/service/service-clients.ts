import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import type { KitConfig } from '../config/kit-config.js';
import { EventProducer } from '../producer/event-producer.js';

/** The connections every service holds: database, Kafka, registry, serde and its event producer. */
export interface ServiceClients {
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly registry: SchemaRegistryClient;
  readonly serde: AvroSerde;
  /** Connected; publishes as `SERVICE_NAME`. */
  readonly producer: EventProducer;
  /** Readiness checks for the ops server: each resolves when its dependency answers. */
  readonly readiness: Record<'kafka' | 'registry' | 'database', () => Promise<unknown>>;
  close(): Promise<void>;
}

type ClientConfig = Pick<
  KitConfig,
  'SERVICE_NAME' | 'KAFKA_BROKERS' | 'SCHEMA_REGISTRY_URL' | 'DATABASE_URL'
>;

/** Opens them from the kit's configuration; the one place a service meets kafkajs and pg. */
export async function connectServiceClients(config: ClientConfig): Promise<ServiceClients> {
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });
  // An idle connection lost (database restart, network cut) is dropped by the pool and replaced
  // on next use; without a listener its error would end the process. /health/ready reports it.
  pool.on('error', () => undefined);
  // The same for a checked-out connection waiting between queries (a ledger transaction around a
  // slow outbound call): its next query fails and the connection is thrown away on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // Every producer uses kafkajs' default partitioner, the Java client's murmur2, so keys land on
  // the partitions Kafka's own tools expect; the warning about the v1 default says nothing here.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const kafka = new Kafka({
    clientId: config.SERVICE_NAME,
    brokers: config.KAFKA_BROKERS.split(','),
    logLevel: logLevel.WARN,
  });
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const serde = new AvroSerde(registry);
  const producer = new EventProducer(config.SERVICE_NAME, kafka, serde);
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  return {
    pool,
    kafka,
    registry,
    serde,
    producer,
    readiness: {
      kafka: () => admin.describeCluster(),
      registry: () => registry.subjects(),
      database: () => pool.query('select 1'),
    },
    async close() {
      await producer.disconnect();
      await admin.disconnect();
      await pool.end();
    },
  };
}
