import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { sha512Hex, signAuthorToken, zbpSchemas, type ZbpEnvelope } from '@hub/zbp';
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
  const sender = 'Stadt Musterstadt';
  const sha512sum = sha512Hex(content);
  return {
    schema: zbpSchemas.status,
    messageId,
    mailboxUuid,
    storkQaaLevel: 'STORK-QAA-Level-3',
    sender,
    service: 'Baugenehmigung',
    title: 'Neuer Stand Ihres Antrags',
    content,
    sha512sum,
    authorToken: await signAuthorToken(key, { messageId, sha512sum, sender }),
    createdAt: '2026-12-02T10:00:01.000Z',
    ...overrides,
  };
}
