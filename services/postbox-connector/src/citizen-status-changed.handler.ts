import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics } from '@hub/contracts';
import { IdempotencyLedger, KitEvent, outboundId, type EventContext } from '@hub/kit';
import type { Author } from './envelope/signed-envelope.js';
import { statusEnvelope, type CitizenStatusChanged } from './envelope/status-envelope.js';
import { MailboxDirectory } from './mailbox-directory.js';
import { PostboxClient } from './postbox/postbox-client.js';
import { AUTHOR } from './author.js';

/** Every citizen-facing status change → the citizen's postbox, once (status_v6). */
@Controller()
export class CitizenStatusChangedHandler {
  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(MailboxDirectory) private readonly mailboxes: MailboxDirectory,
    @Inject(PostboxClient) private readonly postbox: PostboxClient,
    @Inject(AUTHOR) private readonly author: Author,
  ) {}

  @KitEvent(topics.citizenStatusChanged, { name: 'citizen-status-changed' })
  async handle(
    @Payload() event: CitizenStatusChanged,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const mailbox = await this.mailboxes.requireMailboxOf(event.applicationId);
    // No transaction is held while the postbox answers (ADR 0022); the id makes a resend one message.
    const messageId = outboundId(context.eventId, 'postbox');
    await this.ledger.onceRemote(context.eventId, context.group, async () => {
      await this.postbox.deliver(await statusEnvelope(event, mailbox, messageId, this.author));
    });
  }
}
