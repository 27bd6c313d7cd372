import type { ReportRouted } from '@hub/contracts';
import { topics } from '@hub/contracts';
import type { EventProducer } from '@hub/kit';
import type { ServiceRequest } from './service-request.js';

/** `topics.reportRouted`: keyed by the request id; the contact data stays behind. */
export class RoutedReportPublisher {
  constructor(
    private readonly producer: EventProducer,
    private readonly topic: string = topics.reportRouted.name,
  ) {}

  async publish(request: ServiceRequest, routedAt: Date): Promise<void> {
    const value: ReportRouted = {
      serviceRequestId: request.id,
      routedAt,
      requestedAt: request.requestedAt,
      serviceCode: request.serviceCode ?? 'sonstiges',
      agencyResponsible: request.agency ?? '',
      description: request.description,
      lat: request.lat,
      long: request.long,
      addressString: request.address,
      mediaUrl: request.mediaUrl,
      decidedBy: request.triage.decidedBy ?? 'UNKNOWN',
      confidence: request.triage.confidence,
      evidence: request.triage.evidence.map(({ word }) => word),
    };
    // One event per request: a retried publish after a crash carries the same id.
    // Under another name in tests (a topic of their own); the spec's schema either way.
    await this.producer.publish(
      { ...topics.reportRouted, name: this.topic },
      {
        key: request.id,
        value,
        eventId: request.id,
      },
    );
  }
}
