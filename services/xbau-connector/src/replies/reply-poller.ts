import { schemaType } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  deadLetterHeaders,
  outboundId,
  type EventProducer,
  type IdempotencyLedger,
  type KitLogger,
} from '@hub/kit';
import { parseXml, type XoevValidator, type XtaClient } from '@hub/xoev';
import type { Producer } from 'kafkajs';
import { Counter, type Registry } from 'prom-client';
import { rejectionReasons } from '../validation-reasons.js';
import { toStatusReported, type ReplyOutcome, type StatusTexts } from './to-status-reported.js';

export const statusReportedTopic = 'procedure.status-reported.v1';

/** The XTA message-box port the poller needs. */
export type MessageBox = Pick<XtaClient, 'getStatusList' | 'getMessage' | 'close'>;

export interface ReplyPollerDependencies {
  readonly xta: MessageBox;
  readonly validator: XoevValidator;
  readonly texts: StatusTexts;
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  /** Plain producer for the raw replies put into `deadLetterTopic`. */
  readonly deadLetters: Producer;
  /** `<service>.replies`: the ledger's handler name and the dead-letter group. */
  readonly group: string;
  readonly logger: KitLogger;
  readonly metrics: Registry;
  readonly batchSize: number;
}

type Rejection = Extract<ReplyOutcome, { kind: 'rejected' }> | { code: string; reason: string };

/**
 * Fetches the authority's replies from the XTA message box: getStatusList → getMessage → validate
 * → status event (once per reply nachrichtenUUID) or dead letter with the reason → close. A reply
 * is closed only after its event or dead letter is durable; failures leave it in the box for the
 * next round.
 */
export class ReplyPoller {
  private readonly replies: Counter<'outcome'>;

  constructor(private readonly deps: ReplyPollerDependencies) {
    this.replies = new Counter({
      name: 'xbau_replies_total',
      help: 'Replies fetched from the XTA message box, by outcome.',
      labelNames: ['outcome'],
      registers: [deps.metrics],
    });
  }

  get deadLetterTopic(): string {
    return `dlq.${this.deps.group}`;
  }

  /** One round; returns how many replies were taken out of the box. */
  async pollOnce(): Promise<number> {
    const ids = await this.deps.xta.getStatusList(this.deps.batchSize);
    let handled = 0;
    for (const messageId of ids) {
      await this.handle(messageId);
      handled += 1;
    }
    return handled;
  }

  private async handle(messageId: string): Promise<void> {
    const xml = await this.deps.xta.getMessage(messageId);
    const outcome = await this.interpret(xml);
    if (outcome.kind === 'status') {
      const { event } = outcome;
      const eventId = outboundId(event.nachrichtenUUID, 'xbau-reply');
      const published = await this.deps.ledger.once(eventId, this.deps.group, () =>
        this.deps.producer.publish(statusReportedTopic, schemaType('procedure/status-reported'), {
          key: event.applicationId,
          value: event,
          eventId,
          correlationId: event.applicationId,
        }),
      );
      this.replies.inc({ outcome: published.applied ? 'published' : 'duplicate' });
    } else {
      await this.deadLetter(messageId, xml, outcome);
      this.replies.inc({ outcome: 'dead-lettered' });
      this.deps.logger.warn(
        { xtaMessageId: messageId, code: outcome.code },
        'reply rejected and dead-lettered',
      );
    }
    await this.deps.xta.close(messageId);
  }

  private async interpret(xml: string): Promise<ReplyOutcome | (Rejection & { kind: 'rejected' })> {
    try {
      const validation = await this.deps.validator.validate(xml);
      if (!validation.valid) {
        return {
          kind: 'rejected',
          code: 'XOEV_INVALID',
          reason: `${validation.messageName} is invalid against ${validation.schemaSet}:\n${rejectionReasons(validation.reasons)}`,
        };
      }
      return toStatusReported(await parseXml(xml), this.deps.texts);
    } catch (error) {
      // Malformed, forbidden DTD, unknown schema: the reply itself is the problem, not the call.
      if (error instanceof HubError && !error.retryable)
        return { kind: 'rejected', code: error.code, reason: error.message };
      throw error;
    }
  }

  private async deadLetter(messageId: string, xml: string, rejection: Rejection): Promise<void> {
    const now = new Date().toISOString();
    await this.deps.deadLetters.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: messageId,
          value: Buffer.from(xml, 'utf8'),
          headers: {
            [deadLetterHeaders.group]: this.deps.group,
            [deadLetterHeaders.sourceTopic]: 'xta:message-box',
            [deadLetterHeaders.sourceKey]: messageId,
            [deadLetterHeaders.errorCode]: rejection.code,
            [deadLetterHeaders.errorMessage]: rejection.reason.slice(0, 1_000),
            [deadLetterHeaders.attempts]: '1',
            [deadLetterHeaders.firstFailureAt]: now,
            [deadLetterHeaders.lastFailureAt]: now,
            'xta-message-id': messageId,
          },
        },
      ],
    });
  }
}
