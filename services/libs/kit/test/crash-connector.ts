/**
 * A tiny connector run as a child process by crash-recovery.int.spec.ts: every event has its
 * effect (a row) through the idempotency ledger. With HANG_AT=<applicationId>#<seq> it stops
 * forever inside that event's effect transaction, waiting to be killed.
 */
import pg from 'pg';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { Kafka, logLevel } from 'kafkajs';
import { DeliveryEngine, IdempotencyLedger } from '../src/index.js';
import { testEventType, type TestEvent } from './fixtures.js';

const need = (name: string): string => process.env[name] ?? process.exit(2);
const [KAFKA_BROKERS, SCHEMA_REGISTRY_URL, DATABASE_URL, TOPIC, SERVICE, SCHEMA] = [
  'KAFKA_BROKERS',
  'SCHEMA_REGISTRY_URL',
  'DATABASE_URL',
  'TOPIC',
  'SERVICE',
  'SCHEMA',
].map(need) as [string, string, string, string, string, string];
const { HANG_AT } = process.env;

const pool = new pg.Pool({ connectionString: DATABASE_URL });
const ledger = new IdempotencyLedger(pool, { schema: SCHEMA });
const kafka = new Kafka({ brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
const engine = new DeliveryEngine({
  service: SERVICE,
  kafka,
  serde: new AvroSerde(new SchemaRegistryClient(SCHEMA_REGISTRY_URL)),
  sessionTimeoutMs: 6_000,
});

engine.register<TestEvent>({
  name: 'record',
  topic: TOPIC,
  type: testEventType,
  async handle(event, context) {
    await ledger.once(context.eventId, context.group, async (tx) => {
      await tx.query(
        `insert into ${SCHEMA}.effects (event_id, application_id, seq) values ($1, $2, $3)`,
        [context.eventId, event.applicationId, event.seq],
      );
      if (`${event.applicationId}#${event.seq}` === HANG_AT) {
        process.stdout.write(`hanging in ${HANG_AT}\n`);
        await new Promise<never>(() => undefined);
      }
    });
  },
});

await engine.start();
process.stdout.write('started\n');
