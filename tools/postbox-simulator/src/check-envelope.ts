import type { JWK } from 'jose';
import {
  authorTokenProblem,
  sha512Hex,
  zbpEnvelopeSchema,
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
 * content itself, and last the author's signature over id, sender and checksum.
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
  if (envelope.schema === zbpSchemas.status) {
    const status = zbpStatusContentSchema.safeParse(content);
    if (!status.success) {
      const issue = status.error.issues[0];
      return refused(422, ['content', ...(issue?.path ?? [])].join('.'), issue?.message ?? '');
    }
  } else if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return refused(422, 'content', 'is not a JSON object');
  }
  const tokenProblem = await authorTokenProblem(rules.authorKey, envelope.authorToken, envelope);
  if (tokenProblem) return refused(401, 'authorToken', tokenProblem);
  return { ok: true, envelope, content };
}
