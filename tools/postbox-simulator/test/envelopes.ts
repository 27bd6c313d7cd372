import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';
import { sha512Hex, signAuthorToken, zbpSchemas, type ZbpEnvelope } from '@hub/zbp';

const devKey = (name: string): JWK =>
  JSON.parse(
    readFileSync(fileURLToPath(import.meta.resolve(`@hub/deploy-config/dev/${name}`)), 'utf8'),
  ) as JWK;
export const authorPrivateKey = devKey('postbox-author-key.jwk.json');
export const authorPublicKey = devKey('postbox-author-public-key.jwk.json');

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
