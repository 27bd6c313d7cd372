import type { JWK } from 'jose';
import { attachmentProblem } from './check-attachments.js';
import type { z } from 'zod';
import {
  authorTokenProblem,
  sha512Hex,
  zbpEnvelopeSchema,
  zbpMessageContentSchema,
  zbpSchemas,
  zbpStatusContentSchema,
  type StorkQaaLevel,
  type ZbpEnvelope,
} from '@hub/zbp';

export interface Problem {
  readonly path: string;
  readonly reason: string;
}

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: ZbpEnvelope; readonly content: unknown }
  | { readonly ok: false; readonly status: 401 | 422; readonly problems: readonly Problem[] };

export interface EnvelopeRules {
  readonly authorKey: JWK;
  readonly acceptedQaaLevels: readonly StorkQaaLevel[];
}

const refused = (status: 401 | 422, path: string, reason: string): EnvelopeCheck => ({
  ok: false,
  status,
  problems: [{ path, reason }],
});

/**
 * Checks an envelope as the postbox does before it stores anything: the structure, the mailbox
 * it was posted to, the accepted authentication level, the checksum over the content string, the
 * content itself with the attachments it describes (size and SHA-512 of each one's bytes), and
 * last the author's signature over id, sender and checksum.
 */
export async function checkEnvelope(
  body: unknown,
  mailbox: string,
  rules: EnvelopeRules,
): Promise<EnvelopeCheck> {
  const parsed = zbpEnvelopeSchema.safeParse(body);
  if (!parsed.success)
    return {
      ok: false,
      status: 422,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        reason: issue.message,
      })),
    };
  const envelope = parsed.data;
  if (envelope.mailboxUuid !== mailbox)
    return refused(422, 'mailboxUuid', 'differs from the mailbox in the path');
  if (!rules.acceptedQaaLevels.includes(envelope.storkQaaLevel))
    return refused(
      422,
      'storkQaaLevel',
      `not accepted here (${rules.acceptedQaaLevels.join(', ')})`,
    );
  if (sha512Hex(envelope.content) !== envelope.sha512sum)
    return refused(422, 'sha512sum', 'does not match the SHA-512 of content');
  let content: unknown;
  try {
    content = JSON.parse(envelope.content);
  } catch {
    return refused(422, 'content', 'is not a JSON string');
  }
  const problem = contentProblem(envelope, content);
  if (problem) return refused(422, problem.path, problem.reason);
  const tokenProblem = await authorTokenProblem(rules.authorKey, envelope.authorToken, envelope);
  if (tokenProblem) return refused(401, 'authorToken', tokenProblem);
  return { ok: true, envelope, content };
}

/**
 * The content against its schema's vocabulary: status_v6 a status monitor entry without
 * attachments, message_v6 a notice whose attachments are the envelope's.
 */
function contentProblem(envelope: ZbpEnvelope, content: unknown): Problem | null {
  if (envelope.schema === zbpSchemas.status) {
    if (envelope.attachments) return { path: 'attachments', reason: 'status_v6 carries none' };
    return firstIssue(zbpStatusContentSchema.safeParse(content));
  }
  const message = zbpMessageContentSchema.safeParse(content);
  if (!message.success) return firstIssue(message);
  return attachmentProblem(envelope.attachments ?? [], message.data.attachments);
}

function firstIssue(result: z.ZodSafeParseResult<unknown>): Problem | null {
  if (result.success) return null;
  const issue = result.error.issues[0];
  return { path: ['content', ...(issue?.path ?? [])].join('.'), reason: issue?.message ?? '' };
}
