import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import { isCategory, OverrideStore } from '@hub/triage';
import { Open311Error } from '../open311/open311-error.js';
import type { KeySet } from '../open311/key-set.js';
import { RequestStore } from '../requests/request-store.js';
import type { ServiceRequest } from '../requests/service-request.js';
import { SubmitReport } from '../requests/submit-report.js';

export const staffKeysToken = Symbol('open311-staff-keys');

/** What staff see of a report: the masked text and why the classifier proposed what it did. */
function forStaff(request: ServiceRequest) {
  return {
    service_request_id: request.id,
    state: request.state,
    description: request.description,
    service_code: request.serviceCode,
    requested_datetime: request.requestedAt.toISOString(),
    proposal: request.triage.proposal,
    confidence: Math.round(request.triage.confidence * 1000) / 1000,
    reason: request.triage.reason,
    decided_by: request.triage.decidedBy,
    evidence: request.triage.evidence,
    ranking: request.triage.ranking,
  };
}

/**
 * The review queue: reports the classifier was not sure enough about (or that contradict the
 * citizen's code). Staff choose the category; the choice is kept as labelled training data and
 * the report is routed.
 */
@Controller('open311/staff')
export class ReviewController {
  constructor(
    @Inject(RequestStore) private readonly store: RequestStore,
    @Inject(SubmitReport) private readonly submitReport: SubmitReport,
    @Inject(OverrideStore) private readonly overrides: OverrideStore,
    @Inject(staffKeysToken) private readonly staffKeys: KeySet,
  ) {}

  @Get('review-queue.json')
  async queue(@Headers('x-staff-key') key: string | undefined) {
    this.authorise(key);
    return (await this.store.reviewQueue()).map(forStaff);
  }

  @Get('requests/:id.json')
  async one(@Headers('x-staff-key') key: string | undefined, @Param('id') id: string) {
    this.authorise(key);
    const request = await this.store.get(id);
    if (!request) throw new Open311Error(404, [`service_request_id: no request ${id}`]);
    return forStaff(request);
  }

  @Post('requests/:id/category.json')
  async decide(
    @Headers('x-staff-key') key: string | undefined,
    @Param('id') id: string,
    @Body() body: { service_code?: unknown } | undefined,
  ) {
    this.authorise(key);
    const code = body?.service_code;
    if (typeof code !== 'string' || !isCategory(code))
      throw new Open311Error(400, ['service_code: one of the codes of GET services.json']);
    const request = await this.store.get(id);
    if (!request) throw new Open311Error(404, [`service_request_id: no request ${id}`]);
    if (request.state !== 'review')
      throw new Open311Error(400, [`service_request_id: ${id} is not waiting for review`]);
    await this.overrides.record({
      requestId: id,
      maskedText: request.description,
      proposed: request.triage.proposal,
      chosen: code,
    });
    return forStaff(await this.submitReport.decide(request, code));
  }

  private authorise(key: string | undefined): void {
    if (!this.staffKeys.has(key))
      throw new Open311Error(403, ['X-Staff-Key: missing or not valid']);
  }
}
