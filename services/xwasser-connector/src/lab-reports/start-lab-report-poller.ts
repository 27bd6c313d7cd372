import { drinkingWaterLimits } from '@hub/contracts';
import {
  groupOf,
  migrate,
  type EventProducer,
  type IdempotencyLedger,
  type KafkaClient,
  type KitLogger,
  RecordSender,
} from '@hub/kit';
import {
  ClaimChecks,
  MessageBoxPoller,
  openBoxDeadLetters,
  type MessageBox,
} from '@hub/message-box';
import type { XoevValidator, XtaClient } from '@hub/xoev';
import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { XwasserConnectorConfig } from '../config.js';
import type { LabOrders } from '../lab-orders/lab-orders.js';
import { xwasserConnectorMigrations } from '../migrations.js';
import { readLabMessage, type LabMessage } from './read-lab-message.js';
import { LabMessageSettler } from './settle-lab-message.js';

export interface LabReportPollerClients {
  readonly kafka: KafkaClient;
  readonly pool: pg.Pool;
  readonly box: MessageBox;
  readonly answers: Pick<XtaClient, 'createMessageId' | 'sendMessage'>;
  readonly validator: XoevValidator;
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  /** The examinations ordered for applications: a report's application and trace. */
  readonly orders: Pick<LabOrders, 'orderedFor'>;
  readonly logger: KitLogger;
  readonly metrics: Registry;
}

/**
 * Wires the poller over the health office's box: the service's tables, the dead-letter topic
 * (created if missing) and its size limit, the limit table, and the settler of what is read.
 */
export interface LabReportPoller {
  readonly poller: MessageBoxPoller<LabMessage>;
  /** Disconnects the dead letters' producer (after the last round). */
  close(): Promise<void>;
}

export async function startLabReportPoller(
  config: XwasserConnectorConfig,
  clients: LabReportPollerClients,
): Promise<LabReportPoller> {
  const group = groupOf(config.SERVICE_NAME, 'lab-reports');
  await migrate(clients.pool, [xwasserConnectorMigrations]);
  // A plain producer: dead letters carry the raw message bytes, not an Avro value.
  const deadLetterProducer = new RecordSender(clients.kafka);
  await deadLetterProducer.connect();
  const { deadLetters, capacity } = await openBoxDeadLetters(clients.kafka, {
    group,
    producer: deadLetterProducer,
    claimChecks: new ClaimChecks(clients.pool, 'xwasser_connector_claim_checks'),
  });
  const table = drinkingWaterLimits(config.LIMIT_TABLE_VERSION);
  const office = { id: config.HEALTH_OFFICE_ID, name: config.HEALTH_OFFICE_NAME };
  const settler = new LabMessageSettler({ ...clients, office, table, group });
  const reading = { validator: clients.validator, table, officeId: office.id, maxBytes: capacity };
  const poller = new MessageBoxPoller<LabMessage>({
    box: clients.box,
    handler: {
      read: (_messageId, xml) => readLabMessage(xml, reading),
      settle: (_messageId, message) => settler.settle(message),
    },
    deadLetters,
    logger: clients.logger,
    metrics: clients.metrics,
    metric: {
      name: 'xwasser_messages_total',
      help: 'XWasser messages taken from the health office’s XTA message box, by outcome.',
    },
    unfetchableCode: 'XWASSER_UNFETCHABLE',
    batchSize: config.POLL_BATCH_SIZE,
    maxFetchAttempts: config.FETCH_MAX_ATTEMPTS,
  });
  return { poller, close: () => deadLetterProducer.disconnect() };
}
