import { topics, type StatusReported } from '@hub/contracts';
import { outboundId, type EventProducer, type IdempotencyLedger, type KitLogger } from '@hub/kit';
import {
  MessageBoxPoller,
  type BoxDeadLetters,
  type BoxReading,
  type MessageBox,
} from '@hub/message-box';
import type { Registry } from 'prom-client';
import { readReply, type ReplyReadingDependencies } from './read-reply.js';

export type { MessageBox } from '@hub/message-box';

export interface ReplyPollerDependencies {
  readonly xta: MessageBox;
  readonly reading: ReplyReadingDependencies;
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  readonly deadLetters: Pick<BoxDeadLetters, 'send'>;
  /** `<service>.replies`: the ledger's handler name and the dead-letter group. */
  readonly group: string;
  readonly logger: KitLogger;
  readonly metrics: Registry;
  readonly batchSize: number;
  /** getMessage attempts (one per round) before a reply is dead-lettered by its id alone. */
  readonly maxFetchAttempts: number;
}

/**
 * Fetches the authority's replies from the XTA message box (the message-box poller's round:
 * nothing blocks the box) and turns each into a status event, once per reply nachrichtenUUID, or
 * a dead letter with the reason.
 */
export class ReplyPoller {
  private readonly poller: MessageBoxPoller<StatusReported>;

  constructor(private readonly deps: ReplyPollerDependencies) {
    this.poller = new MessageBoxPoller({
      box: deps.xta,
      handler: {
        read: async (_messageId, xml) => toReading(await readReply(xml, deps.reading)),
        settle: (_messageId, event) => this.publish(event),
        // One application's replies in the order the authority sent them.
        laneOf: (event) => event.applicationId,
      },
      deadLetters: deps.deadLetters,
      logger: deps.logger,
      metrics: deps.metrics,
      metric: {
        name: 'xbau_replies_total',
        help: 'Replies fetched from the XTA message box, by outcome.',
      },
      unfetchableCode: 'XBAU_REPLY_UNFETCHABLE',
      batchSize: deps.batchSize,
      maxFetchAttempts: deps.maxFetchAttempts,
    });
  }

  /** One round; returns how many replies were taken out of the box. */
  pollOnce(): Promise<number> {
    return this.poller.pollOnce();
  }

  private async publish(event: StatusReported): Promise<string> {
    const eventId = outboundId(event.nachrichtenUUID, 'xbau-reply');
    // A reply has no cause in Kafka: it continues the trace of the application's delivery.
    const traceparent = await this.deps.reading.recipients.traceOf(event.applicationId);
    // No transaction is held while Kafka acknowledges (ADR 0022).
    const published = await this.deps.ledger.onceRemote(eventId, this.deps.group, () =>
      this.deps.producer.publish(topics.statusReported, {
        key: event.applicationId,
        value: event,
        eventId,
        correlationId: event.applicationId,
        ...(traceparent ? { traceparent } : {}),
      }),
    );
    return published.applied ? 'published' : 'duplicate';
  }
}

function toReading(reply: Awaited<ReturnType<typeof readReply>>): BoxReading<StatusReported> {
  return reply.kind === 'status' ? { kind: 'read', value: reply.event } : reply;
}
