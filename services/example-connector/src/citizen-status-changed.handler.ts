import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics } from '@hub/contracts';
import { IdempotencyLedger, KitEvent, outboundId, type EventContext } from '@hub/kit';
import { toOutboundRequest, type CitizenStatusChanged } from './map/to-outbound-request.js';
import { OutboundPort } from './outbound/outbound-port.js';
import { SentLog } from './sent-log.js';

/** case.citizen-status-changed.v1 → the receiving system, once per event. */
@Controller()
export class CitizenStatusChangedHandler {
  constructor(
    @Inject(IdempotencyLedger) private readonly ledger: IdempotencyLedger,
    @Inject(OutboundPort) private readonly outbound: OutboundPort,
    @Inject(SentLog) private readonly sent: SentLog,
  ) {}

  @KitEvent(topics.citizenStatusChanged, { name: 'citizen-status-changed' })
  async handle(
    @Payload() event: CitizenStatusChanged,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const request = toOutboundRequest(event);
    await this.ledger.once(context.eventId, context.group, async (tx) => {
      await this.outbound.send(request, outboundId(context.eventId, 'citizen-status-changed'));
      await this.sent.record(tx, { eventId: context.eventId, applicationId: event.applicationId });
    });
  }
}
