import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseJson, readBody, RequestRefused, sendJson, zodDetail } from './http-io.js';
import type { SimulatorContext } from './simulator-context.js';

/** JWE compact serialisation: five base64url parts (the encrypted key may not be empty here). */
const compactJwe = z
  .string()
  .regex(/^[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a JWE in compact serialisation');

const announcement = z
  .object({
    destinationId: z.uuid(),
    announcedAttachments: z.array(z.uuid()).max(100).default([]),
    serviceType: z.object({
      name: z.string().min(1).max(500),
      identifier: z.string().regex(/^urn:de:fim:leika:leistung:\d{14}$/, 'must be a LeiKa URN'),
    }),
  })
  .strict();

const submitBody = z
  .object({ encryptedMetadata: compactJwe, encryptedData: compactJwe.optional() })
  .strict();

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new RequestRefused(400, zodDetail(result.error.issues));
  return result.data;
}

/** POST /v1/submissions: announce a submission and its attachments. */
export async function announceSubmission(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  context.clients.caller(request, 'sender');
  const body = parsed(announcement, parseJson(await readBody(request)));
  if (!context.store.destinations.has(body.destinationId))
    throw new RequestRefused(404, 'destination unknown');
  if (new Set(body.announcedAttachments).size !== body.announcedAttachments.length)
    throw new RequestRefused(400, '/announcedAttachments: ids must be unique');
  const stored = context.store.announce(
    body.destinationId,
    body.serviceType,
    body.announcedAttachments,
  );
  sendJson(response, 201, {
    destinationId: stored.destinationId,
    submissionId: stored.submissionId,
    caseId: stored.caseId,
  });
}

/** PUT /v1/submissions/{id}/attachments/{attachmentId}: the encrypted attachment (application/jose). */
export async function uploadAttachment(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  submissionId: string,
  attachmentId: string,
): Promise<void> {
  context.clients.caller(request, 'sender');
  if (!/^application\/jose\b/.test(request.headers['content-type'] ?? ''))
    throw new RequestRefused(415, 'attachments are sent as application/jose');
  const stored = context.store.get(submissionId, context.now());
  if (!stored) throw new RequestRefused(404, 'submission unknown');
  if (stored.state !== 'announced') throw new RequestRefused(409, 'submission already submitted');
  if (!stored.announcedAttachments.includes(attachmentId))
    throw new RequestRefused(404, 'attachment was not announced');
  stored.attachments.set(attachmentId, parsed(compactJwe, (await readBody(request)).trim()));
  response.writeHead(204).end();
}

/** PUT /v1/submissions/{id}: metadata and data; the submission is complete and announced. */
export async function submitSubmission(
  context: SimulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  submissionId: string,
): Promise<void> {
  context.clients.caller(request, 'sender');
  const body = parsed(submitBody, parseJson(await readBody(request)));
  const stored = context.store.get(submissionId, context.now());
  if (!stored) throw new RequestRefused(404, 'submission unknown');
  if (stored.state !== 'announced') throw new RequestRefused(409, 'submission already submitted');
  const missing = stored.announcedAttachments.filter((id) => !stored.attachments.has(id));
  if (missing.length > 0)
    throw new RequestRefused(409, `announced attachments not uploaded: ${missing.join(', ')}`);
  stored.encryptedMetadata = body.encryptedMetadata;
  stored.encryptedData = body.encryptedData;
  stored.state = 'submitted';
  stored.submittedAt = context.now();
  sendJson(response, 200, {
    destinationId: stored.destinationId,
    submissionId: stored.submissionId,
    caseId: stored.caseId,
  });
  const destination = context.store.destinations.get(stored.destinationId);
  if (destination) context.callbacks.announce(destination, [stored.submissionId]);
}
