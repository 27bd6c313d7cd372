import type { IncomingMessage, ServerResponse } from 'node:http';
import { importJWK } from 'jose';
import { eventTypes, verifySecurityEvent } from '@hub/fit-connect';
import { readBody, RequestRefused, sendJson } from './http-io.js';
import type { SimulatorContext } from './simulator-context.js';
import type { StoredSubmission } from './submission-store.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The submission, if the calling subscriber's destination may see it. */
function visibleSubmission(
  context: SimulatorContext,
  request: IncomingMessage,
  submissionId: string,
): StoredSubmission {
  const caller = context.clients.caller(request, 'subscriber');
  const stored = context.store.get(submissionId, context.now());
  if (context.store.expired.has(submissionId))
    throw new RequestRefused(404, 'submission was deleted: not accepted within 14 days');
  if (!stored || stored.state === 'announced' || stored.destinationId !== caller.destinationId)
    throw new RequestRefused(404, 'submission unknown');
  return stored;
}

/** GET /v1/submissions?destinationId&offset&limit: submissions ready for pickup. */
export function listSubmissions(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  query: URLSearchParams,
): void {
  const caller = context.clients.caller(request, 'subscriber');
  const destinationId = query.get('destinationId') ?? '';
  if (!uuidPattern.test(destinationId))
    throw new RequestRefused(400, 'destinationId: must be a UUID');
  if (destinationId !== caller.destinationId) throw new RequestRefused(403, 'not your destination');
  const offset = boundedInt(query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER, 'offset');
  const limit = boundedInt(query.get('limit'), 100, 1, 500, 'limit');
  const pending = context.store.pending(destinationId, context.now());
  const page = pending.slice(offset, offset + limit);
  sendJson(response, 200, {
    count: page.length,
    offset,
    totalCount: pending.length,
    submissions: page.map(({ destinationId: id, submissionId, caseId }) => ({
      destinationId: id,
      submissionId,
      caseId,
    })),
  });
}

/** GET /v1/submissions/{id} */
export function getSubmission(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  submissionId: string,
): void {
  const stored = visibleSubmission(context, request, submissionId);
  if (context.faults().fetchUnavailable) throw new RequestRefused(503, 'temporarily unavailable');
  sendJson(response, 200, {
    destinationId: stored.destinationId,
    submissionId: stored.submissionId,
    caseId: stored.caseId,
    serviceType: stored.serviceType,
    attachments: stored.announcedAttachments,
    encryptedMetadata: stored.encryptedMetadata,
    encryptedData: stored.encryptedData,
  });
}

/** GET /v1/submissions/{id}/attachments/{attachmentId}: the JWE as uploaded (application/jose). */
export function getAttachment(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  submissionId: string,
  attachmentId: string,
): void {
  const stored = visibleSubmission(context, request, submissionId);
  const jwe = stored.attachments.get(attachmentId);
  if (jwe === undefined) throw new RequestRefused(404, 'attachment unknown');
  response.writeHead(200, { 'content-type': 'application/jose' }).end(jwe);
}

/**
 * POST /v1/cases/{caseId}/events: the destination's accept or reject, a SET signed with its
 * signature key. Only one decision per submission: a second one is a conflict.
 */
export async function postEvent(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  caseId: string,
): Promise<void> {
  const caller = context.clients.caller(request, 'subscriber');
  if (!/^application\/jose\b/.test(request.headers['content-type'] ?? ''))
    throw new RequestRefused(415, 'events are sent as application/jose');
  const token = (await readBody(request)).trim();
  const stored = context.store.byCase(caseId);
  if (!stored || stored.destinationId !== caller.destinationId)
    throw new RequestRefused(404, 'case unknown');
  const destination = context.store.destinations.get(stored.destinationId);
  if (!destination) throw new RequestRefused(404, 'destination unknown');
  const payload = await verifySecurityEvent(
    token,
    (await importJWK(destination.signatureKey, 'PS512')) as CryptoKey,
    destination.destinationId,
  ).catch((error: unknown) => {
    throw new RequestRefused(422, `security event token refused: ${(error as Error).message}`);
  });
  if (payload.sub !== `submission:${stored.submissionId}` || payload.txn !== `case:${caseId}`)
    throw new RequestRefused(422, 'sub and txn must name the submission and its case');
  const types = Object.keys(payload.events);
  const decision =
    types.length === 1 && types[0] === eventTypes.acceptSubmission
      ? 'accepted'
      : types.length === 1 && types[0] === eventTypes.rejectSubmission
        ? 'rejected'
        : undefined;
  if (!decision) throw new RequestRefused(422, 'events must hold exactly one accept or reject');
  if (stored.state !== 'submitted')
    throw new RequestRefused(409, `submission is ${stored.state} already`);
  stored.state = decision;
  stored.events.push(token);
  response.writeHead(202).end();
}

function boundedInt(
  raw: string | null,
  fallback: number,
  min: number,
  max: number,
  name: string,
): number {
  if (raw === null) return fallback;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new RequestRefused(400, `${name}: must be a whole number from ${min} to ${max}`);
  return value;
}
