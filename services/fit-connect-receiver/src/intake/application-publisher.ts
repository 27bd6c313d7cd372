import { topics } from '@hub/contracts';
import type { EventProducer } from '@hub/kit';
import type { Route } from '@hub/routing';
import {
  toApplicationSubmitted,
  type AcceptedSubmission,
} from '../map/to-application-submitted.js';

/**
 * Publishes an accepted submission to `portal.application-submitted` keyed by the application id,
 * inside the intake's span (so the case router continues that trace); resolves once acks=all.
 */
export class ApplicationPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(
    submission: AcceptedSubmission,
    route: Route,
    assigned: { readonly applicationId: string; readonly submittedAt: Date },
  ): Promise<void> {
    await this.producer.publish(topics.applicationSubmitted, {
      key: assigned.applicationId,
      value: toApplicationSubmitted(submission, route, assigned),
      correlationId: assigned.applicationId,
    });
  }
}
