import {
  decryptWithDestinationKey,
  metadata as metadataSchema,
  problemTypes,
  sha512Hex,
  type Metadata,
  type RejectionProblem,
  type Submission,
} from '@hub/fit-connect';
import type { SubmissionSchemas } from './submission-schemas.js';

export interface OpenedAttachment {
  readonly attachmentId: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly content: Uint8Array;
}

export type Opened =
  | {
      readonly ok: true;
      readonly metadata: Metadata;
      readonly data: unknown;
      readonly attachments: readonly OpenedAttachment[];
    }
  | { readonly ok: false; readonly problems: readonly RejectionProblem[] };

const problem = (
  type: keyof typeof problemTypes,
  title: string,
  detail: string,
  instance: string,
): { ok: false; problems: RejectionProblem[] } => ({
  ok: false,
  problems: [{ type: problemTypes[type], title, detail, instance }],
});

/**
 * Decrypts and checks a fetched submission: metadata, data and attachments decrypt with the
 * destination's key, their SHA-512 equals the metadata's hash, the attachments are the announced
 * ones, and the data is valid against the pinned schema the metadata names. The first failure is
 * the reason the submission is rejected; its text names the part, never the content.
 */
export async function openSubmission(
  submission: Submission,
  encryptedAttachments: ReadonlyMap<string, string>,
  decryptionKey: CryptoKey,
  schemas: SubmissionSchemas,
): Promise<Opened> {
  const decrypt = (jwe: string) =>
    decryptWithDestinationKey(decryptionKey, jwe).catch(() => undefined);
  const metadataBytes = await decrypt(submission.encryptedMetadata);
  if (!metadataBytes)
    return problem(
      'decryptionIssue',
      'Entschlüsselung fehlgeschlagen',
      'metadata cannot be decrypted',
      'metadata',
    );
  const metadata = metadataSchema.safeParse(parseJson(metadataBytes));
  if (!metadata.success)
    return problem(
      'invalidMetadata',
      'Metadaten ungültig',
      'metadata do not follow the metadata schema',
      'metadata',
    );
  const { data: dataPart, attachments } = metadata.data.contentStructure;
  if (!dataPart || submission.encryptedData === undefined)
    return problem('invalidMetadata', 'Fachdaten fehlen', 'the submission carries no data', 'data');
  const announced = [...submission.attachments].sort();
  const described = attachments.map((entry) => entry.attachmentId).sort();
  if (announced.join() !== described.join())
    return problem(
      'invalidMetadata',
      'Anlagen stimmen nicht',
      'metadata describe other attachments than announced',
      'metadata',
    );

  const dataBytes = await decrypt(submission.encryptedData);
  if (!dataBytes)
    return problem(
      'decryptionIssue',
      'Entschlüsselung fehlgeschlagen',
      'data cannot be decrypted',
      'data',
    );
  if (sha512Hex(dataBytes) !== dataPart.hash.content)
    return problem(
      'hashMismatch',
      'Prüfsumme falsch',
      'the SHA-512 of the data differs from the metadata',
      'data',
    );

  const opened: OpenedAttachment[] = [];
  for (const entry of attachments) {
    const instance = `attachment:${entry.attachmentId}`;
    const jwe = encryptedAttachments.get(entry.attachmentId);
    const content = jwe === undefined ? undefined : await decrypt(jwe);
    if (!content)
      return problem(
        'decryptionIssue',
        'Entschlüsselung fehlgeschlagen',
        'an attachment cannot be decrypted',
        instance,
      );
    if (sha512Hex(content) !== entry.hash.content)
      return problem(
        'hashMismatch',
        'Prüfsumme falsch',
        'the SHA-512 of an attachment differs from the metadata',
        instance,
      );
    opened.push({
      attachmentId: entry.attachmentId,
      filename: entry.filename ?? entry.attachmentId,
      mimeType: entry.mimeType,
      content,
    });
  }

  const data = parseJson(dataBytes);
  const verdict = schemas.check(dataPart.submissionSchema.schemaUri, data);
  if (!verdict.valid)
    return verdict.unsupported
      ? problem('unsupportedSchema', 'Schema nicht unterstützt', verdict.reasons.join('; '), 'data')
      : problem('schemaViolation', 'Fachdaten ungültig', verdict.reasons.join('; '), 'data');
  return { ok: true, metadata: metadata.data, data, attachments: opened };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
