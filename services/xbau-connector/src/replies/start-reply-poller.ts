import {
  groupOf,
  migrate,
  type EventProducer,
  type IdempotencyLedger,
  type KafkaClient,
  type KitLogger,
  type RecordSender,
} from '@hub/kit';
import type { XoevValidator } from '@hub/xoev';
import type pg from 'pg';
import type { Registry } from 'prom-client';
import type { XbauConnectorConfig } from '../config.js';
import { ClaimChecks, openBoxDeadLetters } from '@hub/message-box';
import { xbauConnectorMigrations } from '../migrations.js';
import type { DeliveredRecipients } from './delivered-recipients.js';
import { ReplyPoller, type MessageBox } from './reply-poller.js';
import { loadStatusTexts } from './status-texts.js';

export interface ReplyPollerClients {
  readonly kafka: KafkaClient;
  readonly pool: pg.Pool;
  readonly xta: MessageBox;
  readonly validator: XoevValidator;
  readonly ledger: IdempotencyLedger;
  readonly recipients: Pick<DeliveredRecipients, 'authorityOf' | 'traceOf'>;
  readonly producer: EventProducer;
  /** Plain producer for the raw replies put into the dead-letter topic. */
  readonly deadLetters: Pick<RecordSender, 'send'>;
  readonly logger: KitLogger;
  readonly metrics: Registry;
}

type ReplyPollerConfig = Pick<
  XbauConnectorConfig,
  'SERVICE_NAME' | 'XTA_AUTHOR_ID' | 'REPLY_BATCH_SIZE' | 'REPLY_FETCH_MAX_ATTEMPTS'
>;

/**
 * Wires the reply poller: its dead-letter topic (created if missing), the size limit derived from
 * that topic's max.message.bytes, the claim-check table, and the portal's identity as reader.
 */
export async function startReplyPoller(
  config: ReplyPollerConfig,
  clients: ReplyPollerClients,
): Promise<{ readonly poller: ReplyPoller; readonly deadLetterTopic: string }> {
  const group = groupOf(config.SERVICE_NAME, 'replies');
  await migrate(clients.pool, [xbauConnectorMigrations]);
  const { deadLetters, topic, capacity } = await openBoxDeadLetters(clients.kafka, {
    group,
    producer: clients.deadLetters,
    claimChecks: new ClaimChecks(clients.pool, 'xbau_connector_claim_checks'),
  });
  const poller = new ReplyPoller({
    xta: clients.xta,
    reading: {
      validator: clients.validator,
      texts: await loadStatusTexts(),
      portalId: config.XTA_AUTHOR_ID,
      maxBytes: capacity,
      recipients: clients.recipients,
    },
    ledger: clients.ledger,
    producer: clients.producer,
    deadLetters,
    group,
    logger: clients.logger,
    metrics: clients.metrics,
    batchSize: config.REPLY_BATCH_SIZE,
    maxFetchAttempts: config.REPLY_FETCH_MAX_ATTEMPTS,
  });
  return { poller, deadLetterTopic: topic };
}
