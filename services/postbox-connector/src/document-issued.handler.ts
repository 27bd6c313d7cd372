import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type DocumentIssued } from '@hub/contracts';
import { IdempotencyLedger, KitEvent, outboundId, type EventContext } from '@hub/kit';
import { AUTHOR } from './author.js';
import { documentEnvelope } from './envelope/document-envelope.js';
import type { Author } from './envelope/signed-envelope.js';
import { MailboxDirectory } from './mailbox-directory.js';
import { PostboxClient } from './postbox/postbox-client.js';

/** Every document the authority issued (the permit notice) → the citizen's postbox, once (message_v6). */
@Controller()
export class DocumentIssuedHandler {
  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(MailboxDirectory) private readonly mailboxes: MailboxDirectory,
    @Inject(PostboxClient) private readonly postbox: PostboxClient,
    @Inject(AUTHOR) private readonly author: Author,
  ) {}

  @KitEvent(topics.documentIssued, { name: 'document-issued' })
  async handle(@Payload() event: DocumentIssued, @Ctx() context: EventContext): Promise<void> {
    const mailbox = await this.mailboxes.requireMailboxOf(event.applicationId);
    // No transaction is held while the postbox answers (ADR 0022); the id makes a resend one message.
    const messageId = outboundId(context.eventId, 'postbox');
    await this.ledger.onceRemote(context.eventId, context.group, async () => {
      await this.postbox.deliver(await documentEnvelope(event, mailbox, messageId, this.author));
    });
  }
}
