import { outboundId, type EventContext, type IdempotencyLedger } from '@hub/kit';
import type { ZbpEnvelope } from '@hub/zbp';
import type { Author } from '../envelope/signed-envelope.js';
import type { MailboxDirectory } from '../mailbox-directory.js';
import type { PostboxClient } from './postbox-client.js';

/** Builds an event's envelope for a mailbox under a message id, signed by the author. */
export type EnvelopeOf<TEvent> = (
  event: TEvent,
  mailboxUuid: string,
  messageId: string,
  author: Author,
) => Promise<ZbpEnvelope>;

/**
 * One event → one envelope in the citizen's mailbox, once, for every handler of this service: the
 * mailbox the application was submitted from, a message id derived from the event id (a resend is
 * the same message to the ZBP), and no transaction held while the postbox answers (ADR 0022).
 */
export class PostboxDelivery {
  constructor(
    private readonly ledger: IdempotencyLedger,
    private readonly mailboxes: MailboxDirectory,
    private readonly postbox: PostboxClient,
    private readonly author: Author,
  ) {}

  async once<TEvent extends { applicationId: string }>(
    event: TEvent,
    context: EventContext,
    envelopeOf: EnvelopeOf<TEvent>,
  ): Promise<void> {
    const mailbox = await this.mailboxes.requireMailboxOf(event.applicationId);
    const messageId = outboundId(context.eventId, 'postbox');
    await this.ledger.onceRemote(context.eventId, context.group, async () => {
      await this.postbox.deliver(await envelopeOf(event, mailbox, messageId, this.author));
    });
  }
}
