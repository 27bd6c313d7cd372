import { HubError } from '@hub/errors';
import { KeyedQueue, type KitLogger } from '@hub/kit';
import pLimit from 'p-limit';
import { Counter, type Registry } from 'prom-client';
import type { BoxDeadLetters, BoxRejection } from './box-dead-letters.js';
import { FetchFailures } from './fetch-failures.js';

/** A document that came with a message (xta:Attachment); the message names it by `id`. */
export interface BoxAttachment {
  readonly id: string | undefined;
  readonly filename: string | undefined;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** The XTA message-box operations a poller needs (XtaClient has them). */
export interface MessageBox {
  getStatusList(maxListItems?: number): Promise<string[]>;
  getMessage(messageId: string): Promise<string>;
  /** The message with its attachments; a box without it is read by getMessage, attachment-free. */
  fetchMessage?(
    messageId: string,
  ): Promise<{ readonly xml: string; readonly attachments: readonly BoxAttachment[] }>;
  close(messageId: string): Promise<void>;
}

/** A fetched message, read: something to settle, or why it goes to the dead letters. */
export type BoxReading<R> =
  { readonly kind: 'read'; readonly value: R } | ({ readonly kind: 'rejected' } & BoxRejection);

/** What a service does with the messages of its box. */
export interface BoxMessageHandler<R> {
  /**
   * Reads one message and the documents attached to it. Throws only for retryable
   * infrastructure failures (the round fails).
   */
  read(
    messageId: string,
    xml: string,
    attachments: readonly BoxAttachment[],
  ): Promise<BoxReading<R>>;
  /**
   * Makes the effect of a read message durable (publish once, answer the sender); returns the
   * outcome label counted in the poller's metric, e.g. `published` or `duplicate`.
   */
  settle(messageId: string, value: R): Promise<string>;
  /**
   * The messages that must be settled in the box's order share a lane (e.g. one case's); lanes
   * are settled side by side. Every message is a lane of its own if unset.
   */
  readonly laneOf?: (value: R) => string;
}

export interface MessageBoxPollerDependencies<R> {
  readonly box: MessageBox;
  readonly handler: BoxMessageHandler<R>;
  readonly deadLetters: Pick<BoxDeadLetters, 'send'>;
  readonly logger: KitLogger;
  readonly metrics: Registry;
  /** Counter of messages taken from the box, by `outcome`, e.g. `xbau_replies_total`. */
  readonly metric: { readonly name: string; readonly help: string };
  /** Error code of a message that could not be fetched `maxFetchAttempts` times. */
  readonly unfetchableCode: string;
  readonly batchSize: number;
  /** getMessage attempts (one per round) before a message is dead-lettered by its id alone. */
  readonly maxFetchAttempts: number;
}

/** Messages of one round fetched and read at the same time (SOAP round trips and checks overlap). */
const fetchConcurrency = 8;

type Fetched<R> =
  | {
      readonly kind: 'read';
      readonly xml: string;
      readonly attachments: readonly BoxAttachment[];
      readonly reading: BoxReading<R>;
    }
  | { readonly kind: 'unfetchable'; readonly error: unknown }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Empties an XTA message box: getStatusList → getMessage → read → settle (the handler's effect) or
 * dead letter with the reason → close. Every message leaves the box, so none can block the ones
 * behind it: one that cannot be processed is dead-lettered, one that cannot even be fetched is
 * retried in the next rounds and then dead-lettered by its id. A message is closed only after its
 * effect or dead letter is durable.
 */
export class MessageBoxPoller<R> {
  private readonly messages: Counter<'outcome'>;
  private readonly fetchFailures: FetchFailures;

  constructor(private readonly deps: MessageBoxPollerDependencies<R>) {
    this.fetchFailures = new FetchFailures(deps.maxFetchAttempts);
    this.messages = new Counter({
      ...deps.metric,
      labelNames: ['outcome'],
      registers: [deps.metrics],
    });
  }

  /**
   * One round; returns how many messages were taken out of the box. Fetching and reading overlap;
   * settling and closing follow the box's order within a lane (see `laneOf`), so each case's
   * messages reach Kafka in the order they were sent, while different cases are settled side by
   * side (a settlement waits for Kafka and the XTA server, not for the CPU).
   */
  async pollOnce(): Promise<number> {
    const ids = await this.deps.box.getStatusList(this.deps.batchSize);
    const limit = pLimit(fetchConcurrency);
    const fetched = ids.map((messageId) => limit(() => this.fetch(messageId)));
    const lanes = new KeyedQueue();
    // A lane whose message failed keeps the messages behind it in the box for the next round.
    const stopped = new Set<string>();
    const settling: Promise<boolean>[] = [];
    for (const [index, messageId] of ids.entries()) {
      const message = await (fetched[index] as Promise<Fetched<R>>);
      const lane = this.laneOf(messageId, message);
      settling.push(
        lanes.run(lane, async () => {
          if (stopped.has(lane)) return false;
          try {
            return await this.settle(messageId, message);
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

  private laneOf(messageId: string, message: Fetched<R>): string {
    const { handler } = this.deps;
    return message.kind === 'read' && message.reading.kind === 'read' && handler.laneOf
      ? `lane:${handler.laneOf(message.reading.value)}`
      : `message:${messageId}`;
  }

  /** Never rejects: what went wrong is settled in the message's turn. */
  private async fetch(messageId: string): Promise<Fetched<R>> {
    const { box } = this.deps;
    let message: { readonly xml: string; readonly attachments: readonly BoxAttachment[] };
    try {
      message = box.fetchMessage
        ? await box.fetchMessage(messageId)
        : { xml: await box.getMessage(messageId), attachments: [] };
    } catch (error) {
      return { kind: 'unfetchable', error };
    }
    const { xml, attachments } = message;
    try {
      const reading = await this.deps.handler.read(messageId, xml, attachments);
      return { kind: 'read', xml, attachments, reading };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  private async settle(messageId: string, fetched: Fetched<R>): Promise<boolean> {
    // The validator's infrastructure or the database failed: the round fails, the message stays.
    if (fetched.kind === 'failed') throw fetched.error;
    if (fetched.kind === 'unfetchable') return this.fetchFailed(messageId, fetched.error);
    const { xml, attachments, reading } = fetched;
    if (reading.kind === 'read')
      this.messages.inc({ outcome: await this.deps.handler.settle(messageId, reading.value) });
    else await this.reject(messageId, xml, reading, 1, attachments);
    return this.close(messageId);
  }

  private async fetchFailed(messageId: string, error: unknown): Promise<boolean> {
    const code = error instanceof HubError ? error.code : 'UNCLASSIFIED_ERROR';
    const attempts = this.fetchFailures.attemptsOf(messageId) + 1;
    if (!this.fetchFailures.giveUp(messageId, error)) {
      this.messages.inc({ outcome: 'fetch-failed' });
      this.deps.logger.warn(
        { xtaMessageId: messageId, code, attempts },
        'message could not be fetched; tried again next round',
      );
      return false;
    }
    const reason = `getMessage failed ${attempts} time(s), last with ${code}: ${error instanceof Error ? error.message : 'unknown'}`;
    await this.reject(messageId, undefined, { code: this.deps.unfetchableCode, reason }, attempts);
    return this.close(messageId);
  }

  private async reject(
    messageId: string,
    xml: string | undefined,
    rejection: BoxRejection,
    attempts: number,
    attachments: readonly BoxAttachment[] = [],
  ): Promise<void> {
    await this.deps.deadLetters.send(messageId, xml, rejection, attempts, attachments);
    this.messages.inc({ outcome: 'dead-lettered' });
    this.deps.logger.warn(
      { xtaMessageId: messageId, code: rejection.code },
      'message rejected and dead-lettered',
    );
  }

  /** A failed close is not fatal: the message comes again and is recognised by the ledger. */
  private async close(messageId: string): Promise<boolean> {
    try {
      await this.deps.box.close(messageId);
      this.fetchFailures.forget(messageId);
      return true;
    } catch (error) {
      const code = error instanceof HubError ? error.code : 'UNCLASSIFIED_ERROR';
      this.deps.logger.warn({ xtaMessageId: messageId, code }, 'message could not be closed');
      return false;
    }
  }
}
