import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type DocumentIssued } from '@hub/contracts';
import { KitEvent, type EventContext } from '@hub/kit';
import { documentEnvelope } from './envelope/document-envelope.js';
import { PostboxDelivery } from './postbox/postbox-delivery.js';

/** Every document the authority issued (the permit notice) → the citizen's postbox, once (message_v6). */
@Controller()
export class DocumentIssuedHandler {
  constructor(@Inject(PostboxDelivery) private readonly delivery: PostboxDelivery) {}

  @KitEvent(topics.documentIssued, { name: 'document-issued' })
  async handle(@Payload() event: DocumentIssued, @Ctx() context: EventContext): Promise<void> {
    await this.delivery.once(event, context, documentEnvelope);
  }
}
