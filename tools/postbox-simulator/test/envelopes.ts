import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import {
  describeAttachment,
  sha512Hex,
  signAuthorToken,
  zbpSchemas,
  type ZbpAttachment,
  type ZbpEnvelope,
} from '@hub/zbp';
import { devAuthorPublicKey, devKey } from '../src/dev-author-key.js';

export const authorPrivateKey = devKey('postbox-author-key.jwk.json');
export const authorPublicKey = devAuthorPublicKey();

/** A correctly signed status_v6 envelope for a mailbox; `overrides` change it after signing. */
export async function statusEnvelope(
  mailboxUuid: string,
  overrides: Partial<ZbpEnvelope> = {},
  key: JWK = authorPrivateKey,
  messageId: string = randomUUID(),
): Promise<ZbpEnvelope> {
  const content = JSON.stringify({
    reference: randomUUID(),
    status: 'RECEIVED',
    statusText: 'Ihr Antrag wurde der zuständigen Behörde zugestellt.',
    actionText: null,
    caseNumber: null,
    changedAt: '2026-12-02T10:00:00.000Z',
    sequence: 2,
  });
  return signed(
    {
      schema: zbpSchemas.status,
      title: 'Neuer Stand Ihres Antrags',
      content,
      messageId,
      mailboxUuid,
    },
    key,
    overrides,
  );
}

/** A document as a message_v6 attachment: its description and its bytes, base64. */
export function attachmentOf(bytes: Buffer, filename = 'baugenehmigung.pdf'): ZbpAttachment {
  return {
    filename,
    mimeType: 'application/pdf',
    size: bytes.length,
    sha512sum: sha512Hex(bytes),
    data: bytes.toString('base64'),
  };
}

/**
 * A correctly signed message_v6 envelope with these attachments, its content describing them;
 * `overrides` change it after signing.
 */
export async function messageEnvelope(
  mailboxUuid: string,
  attachments: readonly ZbpAttachment[],
  overrides: Partial<ZbpEnvelope> = {},
): Promise<ZbpEnvelope> {
  const content = JSON.stringify({
    reference: randomUUID(),
    text: 'Die Bauaufsichtsbehörde hat über Ihren Antrag entschieden.',
    caseNumber: 'BA-2026-0001',
    sentAt: '2026-12-02T10:00:00.000Z',
    attachments: attachments.map(describeAttachment),
  });
  return signed(
    {
      schema: zbpSchemas.message,
      title: 'Ihr Bescheid',
      content,
      messageId: randomUUID(),
      mailboxUuid,
    },
    authorPrivateKey,
    { attachments: [...attachments], ...overrides },
  );
}

/** The envelope around a content, signed by `key` as the test sender; `overrides` after signing. */
async function signed(
  parts: Pick<ZbpEnvelope, 'schema' | 'title' | 'content' | 'messageId' | 'mailboxUuid'>,
  key: JWK,
  overrides: Partial<ZbpEnvelope>,
): Promise<ZbpEnvelope> {
  const sender = 'Stadt Musterstadt';
  const sha512sum = sha512Hex(parts.content);
  return {
    ...parts,
    storkQaaLevel: 'STORK-QAA-Level-3',
    sender,
    service: 'Baugenehmigung',
    sha512sum,
    authorToken: await signAuthorToken(key, { messageId: parts.messageId, sha512sum, sender }),
    createdAt: '2026-12-02T10:00:01.000Z',
    ...overrides,
  };
}
