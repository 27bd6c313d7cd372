import { topics, type StatusReported } from '@hub/contracts';
import { HubError } from '@hub/errors';
import {
  KeyedQueue,
  outboundId,
  type EventProducer,
  type IdempotencyLedger,
  type KitLogger,
} from '@hub/kit';
import type { XtaClient } from '@hub/xoev';
import pLimit from 'p-limit';
import { Counter, type Registry } from 'prom-client';
import { FetchFailures } from './fetch-failures.js';
import { readReply, type ReadReply, type ReplyReadingDependencies } from './read-reply.js';
import type { ReplyDeadLetters, ReplyRejection } from './reply-dead-letters.js';

/** The XTA message-box port the poller needs. */
export type MessageBox = Pick<XtaClient, 'getStatusList' | 'getMessage' | 'close'>;

export interface ReplyPollerDependencies {
  readonly xta: MessageBox;
  readonly reading: ReplyReadingDependencies;
  readonly ledger: IdempotencyLedger;
  readonly producer: EventProducer;
  readonly deadLetters: ReplyDeadLetters;
  /** `<service>.replies`: the ledger's handler name and the dead-letter group. */
  readonly group: string;
  readonly logger: KitLogger;
  readonly metrics: Registry;
  readonly batchSize: number;
  /** getMessage attempts (one per round) before a reply is dead-lettered by its id alone. */
  readonly maxFetchAttempts: number;
}

/** Replies of one round fetched and read at the same time (SOAP round trips and checks overlap). */
const fetchConcurrency = 8;

/** A reply of the round, fetched and read (or why not), waiting for its turn to be settled. */
type Fetched =
  | { readonly kind: 'read'; readonly xml: string; readonly outcome: ReadReply }
  | { readonly kind: 'unfetchable'; readonly error: unknown }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Fetches the authority's replies from the XTA message box: getStatusList → getMessage → read →
 * status event (once per reply nachrichtenUUID) or dead letter with the reason → close. Every
 * reply leaves the box, so none can block the ones behind it: a reply that cannot be processed is
 * dead-lettered, one that cannot even be fetched is retried in the next rounds and then
 * dead-lettered by its id. A reply is closed only after its event or dead letter is durable.
 */
export class ReplyPoller {
  private readonly replies: Counter<'outcome'>;
  private readonly fetchFailures: FetchFailures;

  constructor(private readonly deps: ReplyPollerDependencies) {
    this.fetchFailures = new FetchFailures(deps.maxFetchAttempts);
    this.replies = new Counter({
      name: 'xbau_replies_total',
      help: 'Replies fetched from the XTA message box, by outcome.',
      labelNames: ['outcome'],
      registers: [deps.metrics],
    });
  }

  /**
   * One round; returns how many replies were taken out of the box. Fetching and reading overlap;
   * publishing and closing follow the box's order per application, so each application's replies
   * reach Kafka in the order the authority sent them, while different applications' replies are
   * settled side by side (each settlement waits for Kafka and the XTA server, not for the CPU).
   */
  async pollOnce(): Promise<number> {
    const ids = await this.deps.xta.getStatusList(this.deps.batchSize);
    const limit = pLimit(fetchConcurrency);
    const fetched = ids.map((messageId) => limit(() => this.fetch(messageId)));
    const lanes = new KeyedQueue();
    // A lane whose reply failed keeps the replies behind it in the box for the next round.
    const stopped = new Set<string>();
    const settling: Promise<boolean>[] = [];
    for (const [index, messageId] of ids.entries()) {
      const reply = await (fetched[index] as Promise<Fetched>);
      const lane = laneOf(messageId, reply);
      settling.push(
        lanes.run(lane, async () => {
          if (stopped.has(lane)) return false;
          try {
            return await this.settle(messageId, reply);
          } catch (error) {
            stopped.add(lane);
            throw error;
          }
        }),
      );
    }
    // A failed round ends only when nothing of it runs any more (rounds never overlap).
    const outcomes = await Promise.allSettled(settling);
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value).length;
  }

  /** Never rejects: what went wrong is settled in the reply's turn. */
  private async fetch(messageId: string): Promise<Fetched> {
    let xml: string;
    try {
      xml = await this.deps.xta.getMessage(messageId);
    } catch (error) {
      return { kind: 'unfetchable', error };
    }
    try {
      return { kind: 'read', xml, outcome: await readReply(xml, this.deps.reading) };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  private async settle(messageId: string, fetched: Fetched): Promise<boolean> {
    // The validator's infrastructure or the database failed: the round fails, the reply stays.
    if (fetched.kind === 'failed') throw fetched.error;
    if (fetched.kind === 'unfetchable') return this.fetchFailed(messageId, fetched.error);
    const { xml, outcome } = fetched;
    if (outcome.kind === 'status') await this.publish(outcome.event);
    else await this.reject(messageId, xml, outcome, 1);
    return this.close(messageId);
  }

  private async publish(event: StatusReported): Promise<void> {
    const eventId = outboundId(event.nachrichtenUUID, 'xbau-reply');
    // A reply has no cause in Kafka: it continues the trace of the application's delivery.
    const traceparent = await this.deps.reading.recipients.traceOf(event.applicationId);
    const published = await this.deps.ledger.onceRemote(eventId, this.deps.group, () =>
      this.deps.producer.publish(topics.statusReported, {
        key: event.applicationId,
        value: event,
        eventId,
        correlationId: event.applicationId,
        ...(traceparent ? { traceparent } : {}),
      }),
    );
    this.replies.inc({ outcome: published.applied ? 'published' : 'duplicate' });
  }

  private async fetchFailed(messageId: string, error: unknown): Promise<boolean> {
    const code = error instanceof HubError ? error.code : 'UNCLASSIFIED_ERROR';
    const attempts = this.fetchFailures.attemptsOf(messageId) + 1;
    if (!this.fetchFailures.giveUp(messageId, error)) {
      this.replies.inc({ outcome: 'fetch-failed' });
      this.deps.logger.warn(
        { xtaMessageId: messageId, code, attempts },
        'reply could not be fetched; tried again next round',
      );
      return false;
    }
    const reason = `getMessage failed ${attempts} time(s), last with ${code}: ${error instanceof Error ? error.message : 'unknown'}`;
    await this.reject(messageId, undefined, { code: 'XBAU_REPLY_UNFETCHABLE', reason }, attempts);
    return this.close(messageId);
  }

  private async reject(
    messageId: string,
    xml: string | undefined,
    rejection: ReplyRejection,
    attempts: number,
  ): Promise<void> {
    await this.deps.deadLetters.send(messageId, xml, rejection, attempts);
    this.replies.inc({ outcome: 'dead-lettered' });
    this.deps.logger.warn(
      { xtaMessageId: messageId, code: rejection.code },
      'reply rejected and dead-lettered',
    );
  }

  /** A failed close is not fatal: the reply comes again and is recognised by the ledger. */
  private async close(messageId: string): Promise<boolean> {
    try {
      await this.deps.xta.close(messageId);
      this.fetchFailures.forget(messageId);
      return true;
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'UNCLASSIFIED_ERROR';
      this.deps.logger.warn({ xtaMessageId: messageId, code }, 'reply could not be closed');
      return false;
    }
  }
}

/** Replies to one application share a lane; anything unread is a lane of its own. */
function laneOf(messageId: string, reply: Fetched): string {
  return reply.kind === 'read' && reply.outcome.kind === 'status'
    ? `application:${reply.outcome.event.applicationId}`
    : `message:${messageId}`;
}
