import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { ReportRouted } from '@hub/contracts';
import { topics } from '@hub/contracts';
import { IdempotencyLedger, KitEvent, type EventContext } from '@hub/kit';
import { OfficeWebhookClient } from './office-webhook.client.js';

/** Hands every routed report to its office once: get input, deliver, remember. */
@Controller()
export class DeliverToOfficeHandler {
  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(OfficeWebhookClient) private readonly office: OfficeWebhookClient,
  ) {}

  @KitEvent(topics.reportRouted, { name: 'deliver-to-office' })
  async handle(@Payload() report: ReportRouted, @Ctx() context: EventContext): Promise<void> {
    // No transaction is held while the office answers (ADR 0022).
    await this.ledger.onceRemote(context.eventId, context.group, () =>
      this.office.deliver(report, context.eventId),
    );
  }
}
