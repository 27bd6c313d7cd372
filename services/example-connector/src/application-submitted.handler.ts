import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type ApplicationSubmitted } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { IdempotencyLedger, KitEvent, outboundId, type EventContext } from '@hub/kit';
import { recordReceipt } from './receipts.js';

/** Acknowledges every submitted application once: get input, fail early, delegate. */
@Controller()
export class ApplicationSubmittedHandler {
  constructor(@Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger) {}

  @KitEvent(topics.applicationSubmitted, { name: 'record-receipt' })
  async handle(
    @Payload() event: ApplicationSubmitted,
    @Ctx() context: EventContext,
  ): Promise<void> {
    if (!/^[0-9]{8,}$/.test(event.serviceKey))
      throw new HubError('EXAMPLE_BAD_SERVICE_KEY', 'Service key is not a LeiKa key.', {
        retryable: false,
      });
    await this.ledger.once(context.eventId, context.group, (tx) =>
      recordReceipt(tx, {
        receiptId: outboundId(context.eventId, 'receipt'),
        applicationId: event.applicationId,
        serviceKey: event.serviceKey,
      }),
    );
  }
}
