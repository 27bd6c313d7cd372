import type { CitizenStatusChanged } from '@hub/contracts';
import { schemaType, type eventTopics } from '@hub/contracts';
import type { EventContext, HandlerDefinition } from '@hub/kit';
import type { ApplicationRegistry } from '../applications/application-registry.js';

const topic = 'case.citizen-status-changed.v1' satisfies (typeof eventTopics)[number]['name'];

/** Projects the case router's citizen-facing status changes into the gateway's timeline. */
export function citizenStatusHandler(
  applications: ApplicationRegistry,
): HandlerDefinition<CitizenStatusChanged> {
  return {
    name: 'citizen-status-changed',
    topic,
    type: schemaType('case/citizen-status-changed'),
    async handle(change: CitizenStatusChanged, context: EventContext): Promise<void> {
      await applications.recordStep(
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
    },
  };
}
