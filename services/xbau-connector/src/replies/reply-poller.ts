import { topics, type DocumentIssued, type StatusReported } from '@hub/contracts';
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
 * (a 0205 Bescheid) into one document event per attached document, or a dead letter with the
 * reason.
 */
export class ReplyPoller {
  private readonly poller: MessageBoxPoller<ReplyEvents>;

  constructor(private readonly deps: ReplyPollerDependencies) {
    this.poller = new MessageBoxPoller({
      box: deps.xta,
      handler: {
        read: async (_messageId, xml, attachments) =>
          toReading(await readReply(xml, attachments, deps.reading)),
        settle: (_messageId, events) => this.publish(events),
        // One application's replies in the order the authority sent them.
        laneOf: (events) => events.applicationId,
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

  /** Each event of the reply once: its id is derived from the reply (and the document's place). */
  private async publish(reply: ReplyEvents): Promise<string> {
    // A reply has no cause in Kafka: it continues the trace of the application's delivery.
    const traceparent = await this.deps.reading.recipients.traceOf(reply.applicationId);
    const { producer } = this.deps;
    const publication = <V extends { readonly applicationId: string }>(
      value: V,
      eventId: string,
    ) => ({
      key: value.applicationId,
      value,
      eventId,
      correlationId: value.applicationId,
      ...(traceparent ? { traceparent } : {}),
    });
    const applied: boolean[] = [];
    if (reply.kind === 'status') {
      const eventId = outboundId(reply.event.nachrichtenUUID, 'xbau-reply');
      applied.push(
        await this.once(eventId, () =>
          producer.publish(topics.statusReported, publication(reply.event, eventId)),
        ),
      );
    }
    // The documents of one Bescheid in the order of its anlagen.
    for (const event of reply.kind === 'documents' ? reply.events : [])
      applied.push(
        await this.once(event.documentId, () =>
          producer.publish(topics.documentIssued, publication(event, event.documentId)),
        ),
      );
    return applied.every(Boolean) ? 'published' : 'duplicate';
  }

  /** No transaction is held while Kafka acknowledges (ADR 0022). */
  private async once(eventId: string, publish: () => Promise<string>): Promise<boolean> {
    return (await this.deps.ledger.onceRemote(eventId, this.deps.group, publish)).applied;
  }
}

/** A read reply: its status event, or the document events of a Bescheid; one application's. */
type ReplyEvents =
  | { readonly kind: 'status'; readonly applicationId: string; readonly event: StatusReported }
  | {
      readonly kind: 'documents';
      readonly applicationId: string;
      readonly events: readonly DocumentIssued[];
    };

function toReading(reply: Awaited<ReturnType<typeof readReply>>): BoxReading<ReplyEvents> {
  switch (reply.kind) {
    case 'status':
      return { kind: 'read', value: { ...reply, applicationId: reply.event.applicationId } };
    case 'documents':
      return {
        kind: 'read',
        value: { ...reply, applicationId: reply.events[0]?.applicationId ?? '' },
      };
    default:
      return reply;
  }
}
