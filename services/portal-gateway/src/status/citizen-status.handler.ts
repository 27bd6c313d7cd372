import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type CitizenStatusChanged } from '@hub/contracts';
import { KitEvent, type EventContext } from '@hub/kit';
import { ApplicationRegistry } from '../applications/application-registry.js';

/** Projects the case router's citizen-facing status changes into the gateway's timeline. */
@Controller()
export class CitizenStatusHandler {
  constructor(@Inject(ApplicationRegistry) private readonly applications: ApplicationRegistry) {}

  @KitEvent(topics.citizenStatusChanged, { name: 'citizen-status-changed' })
  async handle(
    @Payload() change: CitizenStatusChanged,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.applications.recordStep(
      change.applicationId,
      context.eventId,
      {
        state: change.state,
        text: change.actionText ? `${change.statusText} ${change.actionText}` : change.statusText,
        actionRequired: change.actionRequired,
        occurredAt: change.changedAt.toISOString(),
      },
      change.sequence,
    );
  }
}
