import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { KIT_LOGGER, type KitLogger } from '@hub/kit';
import { Open311Error } from '../open311/open311-error.js';
import { RequestStore } from '../requests/request-store.js';
import { verifyRequest } from '@hub/webhooks';

export const officeSecretToken = Symbol('office-webhook-secret');

interface StatusChange {
  changeId: string;
  serviceRequestId: string;
  status: 'open' | 'closed';
  statusNotes: string | null;
  changedAt: Date;
}

/**
 * Offices report status changes here (signed like the hub's webhook to them). Each change counts
 * once, by its change id; the answer is 2xx once it is stored, so the office stops retrying.
 */
@Controller('open311/office')
export class StatusCallbackController {
  constructor(
    @Inject(RequestStore) private readonly store: RequestStore,
    @Inject(officeSecretToken) private readonly secret: string,
    @Inject(KIT_LOGGER) private readonly logger: KitLogger,
  ) {}

  @Post('status-changes')
  @HttpCode(204)
  async receive(@Req() request: Request & { rawBody?: Buffer }): Promise<void> {
    const raw = request.rawBody?.toString('utf8') ?? '';
    const signed = verifyRequest(this.secret, raw, request.headers);
    if (!signed) throw new Open311Error(403, ['X-Hub-Signature-256: missing, stale or not valid']);
    const change = parseStatusChange(request.body);
    const result = await this.store.applyStatusChange({
      changeId: change.changeId,
      requestId: change.serviceRequestId,
      status: change.status,
      statusNotes: change.statusNotes,
      changedAt: change.changedAt,
    });
    for (const { requestId, contact } of result.notify)
      await this.store.queueNotice(
        requestId,
        contact,
        `Ihre Mängelmeldung ${requestId} ist jetzt ${change.status === 'closed' ? 'erledigt' : 'in Bearbeitung'}. ${change.statusNotes ?? ''}`.trim(),
      );
    this.logger.info(
      { serviceRequestId: change.serviceRequestId, status: change.status, applied: result.applied },
      'office status change',
    );
  }
}

function parseStatusChange(body: unknown): StatusChange {
  const value = (body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const text = (name: string) => {
    const field = value[name];
    if (typeof field !== 'string' || field === '') problems.push(`${name}: required text`);
    return typeof field === 'string' ? field : '';
  };
  const changeId = text('changeId');
  const serviceRequestId = text('serviceRequestId');
  const status = text('status');
  if (status !== 'open' && status !== 'closed') problems.push('status: open or closed');
  const changedAt = new Date(text('changedAt'));
  if (Number.isNaN(changedAt.getTime())) problems.push('changedAt: not a date-time');
  const notes = value.statusNotes;
  if (notes !== undefined && notes !== null && typeof notes !== 'string')
    problems.push('statusNotes: text or null');
  if (problems.length > 0) throw new Open311Error(400, problems);
  return {
    changeId,
    serviceRequestId,
    status: status === 'closed' ? 'closed' : 'open',
    statusNotes: typeof notes === 'string' ? notes.slice(0, 2000) : null,
    changedAt,
  };
}
