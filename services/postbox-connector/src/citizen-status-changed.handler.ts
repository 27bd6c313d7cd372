import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics } from '@hub/contracts';
import { KitEvent, type EventContext } from '@hub/kit';
import { statusEnvelope, type CitizenStatusChanged } from './envelope/status-envelope.js';
import { PostboxDelivery } from './postbox/postbox-delivery.js';

/** Every citizen-facing status change → the citizen's postbox, once (status_v6). */
@Controller()
export class CitizenStatusChangedHandler {
  constructor(@Inject(PostboxDelivery) private readonly delivery: PostboxDelivery) {}

  @KitEvent(topics.citizenStatusChanged, { name: 'citizen-status-changed' })
  async handle(
    @Payload() event: CitizenStatusChanged,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.delivery.once(event, context, statusEnvelope);
  }
}
