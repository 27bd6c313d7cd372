import type { ReportRouted } from '@hub/contracts';
import { schemaType, type eventTopics } from '@hub/contracts';
import type { EventProducer } from '@hub/kit';
import type { ServiceRequest } from './service-request.js';

export const reportRoutedTopic =
  'open311.report-routed.v1' satisfies (typeof eventTopics)[number]['name'];

/** `open311.report-routed.v1`: keyed by the request id; the contact data stays behind. */
export class RoutedReportPublisher {
  private readonly type = schemaType('open311/report-routed');

  constructor(
    private readonly producer: EventProducer,
    private readonly topic: string = reportRoutedTopic,
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
    await this.producer.publish(this.topic, this.type, {
      key: request.id,
      value,
      eventId: request.id,
    });
  }
}
