import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type TopicValue } from '@hub/contracts';
import { IdempotencyLedger, KitEvent, type EventContext } from '@hub/kit';
import { MailboxDirectory } from './mailbox-directory.js';

/** Learns each application's postbox from its submission: status changes do not carry it. */
@Controller()
export class ApplicationSubmittedHandler {
  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(MailboxDirectory) private readonly mailboxes: MailboxDirectory,
  ) {}

  @KitEvent(topics.applicationSubmitted, { name: 'application-submitted' })
  async handle(
    @Payload() application: TopicValue<typeof topics.applicationSubmitted>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.ledger.once(context.eventId, context.group, (tx) =>
      this.mailboxes.remember(tx, application.applicationId, application.citizenAccountRef),
    );
  }
}
