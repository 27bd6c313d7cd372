import { randomUUID } from 'node:crypto';
import { maskPersonalData, triage, type Category, type TextClassifier } from '@hub/triage';
import type { ReportInput } from './report-input.js';
import type { RequestStore } from './request-store.js';
import type { RoutedReportPublisher } from './routed-report.publisher.js';
import type { ServiceRequest, TriageRecord } from './service-request.js';
import { responsibleOffice, type OfficeAreas } from './responsible-office.js';
import type { TriageMetrics } from './triage-metrics.js';

export interface SubmitOptions {
  readonly threshold: number;
  readonly metrics?: TriageMetrics;
  readonly officeAreas?: OfficeAreas;
  readonly duplicateRadiusMetres: number;
  readonly clock?: () => Date;
}

/**
 * Intake of a defect report: mask personal data (nothing unmasked leaves this function but the
 * contact columns), let the classifier propose a category, then route it, queue it for staff, or
 * link it to the open report of the same defect nearby.
 */
export class SubmitReport {
  private readonly clock: () => Date;

  constructor(
    private readonly classifier: TextClassifier,
    private readonly store: RequestStore,
    private readonly publisher: RoutedReportPublisher,
    private readonly options: SubmitOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  async submit(input: ReportInput): Promise<ServiceRequest> {
    const request = await this.intake(input);
    this.options.metrics?.record(request);
    return request;
  }

  private async intake(input: ReportInput): Promise<ServiceRequest> {
    const description = maskPersonalData(input.description).text;
    const decision = this.classifier.classify(description);
    const outcome = triage(decision, this.options.threshold, input.serviceCode);
    const now = this.clock();
    const triageRecord: TriageRecord = {
      proposal: decision.category,
      confidence: decision.confidence,
      evidence: decision.evidence,
      ranking: decision.ranking.slice(0, 3),
      reason: outcome.reason,
      decidedBy: null,
    };
    const request: ServiceRequest = {
      id: randomUUID(),
      state: 'review',
      status: 'open',
      statusNotes: null,
      serviceCode: null,
      agency: null,
      description,
      lat: input.lat,
      long: input.long,
      address: input.address,
      mediaUrl: input.mediaUrl,
      requestedAt: now,
      updatedAt: now,
      triage: triageRecord,
      duplicateOf: null,
    };
    const reporter = { contact: input.contact, notify: input.notify };
    if (outcome.action === 'review') {
      await this.store.save(request, reporter);
      return request;
    }
    return this.settle(
      request,
      outcome.category,
      input.serviceCode ? 'CITIZEN' : 'CLASSIFIER',
      reporter,
    );
  }

  /** Staff chose the category of a report in the review queue. */
  async decide(request: ServiceRequest, category: Category): Promise<ServiceRequest> {
    return this.settle(request, category, 'STAFF', undefined);
  }

  private async settle(
    request: ServiceRequest,
    category: Category,
    decidedBy: NonNullable<TriageRecord['decidedBy']>,
    reporter: Parameters<RequestStore['save']>[1],
  ): Promise<ServiceRequest> {
    const now = this.clock();
    const settled = {
      ...request,
      serviceCode: category,
      agency: responsibleOffice(
        category,
        request.lat !== null && request.long !== null
          ? { lat: request.lat, long: request.long }
          : undefined,
        this.options.officeAreas ?? [],
      ),
      triage: { ...request.triage, decidedBy },
      updatedAt: now,
    };
    const original =
      settled.lat !== null && settled.long !== null
        ? await this.store.openNear(
            category,
            { lat: settled.lat, long: settled.long },
            this.options.duplicateRadiusMetres,
          )
        : undefined;
    if (original) {
      const linked: ServiceRequest = {
        ...settled,
        state: 'duplicate',
        duplicateOf: original.id,
        agency: original.agency,
        statusNotes: original.statusNotes,
      };
      await this.store.save(linked, reporter);
      return linked;
    }
    const routed: ServiceRequest = { ...settled, state: 'routed' };
    // Saved and published together: a report the office never got is not shown as routed.
    await this.store.transaction(async (tx) => {
      await this.store.save(routed, reporter, tx);
      await this.publisher.publish(routed, now);
    });
    return routed;
  }
}
