import { randomUUID } from 'node:crypto';
import { generateKeyPair, exportJWK, type JWK } from 'jose';
import {
  encryptForDestination,
  metadataSchemaUri,
  sha512Hex,
  type Metadata,
} from '@hub/fit-connect';

/** A file the online service attaches to the submission. */
export interface OutgoingAttachment {
  readonly filename: string;
  readonly mimeType: string;
  readonly content: Uint8Array;
}

/** Ways a sender (or an attacker on the way) can spoil a submission, for the receiver's tests. */
export type Tampering = 'attachment-hash' | 'data-hash' | 'ciphertext' | 'wrong-key';

export interface OutgoingSubmission {
  readonly destinationId: string;
  /** LeiKa key of the service, 14 digits. */
  readonly leikaKey: string;
  readonly serviceName: string;
  readonly schemaUri: string;
  readonly data: unknown;
  readonly attachments?: readonly OutgoingAttachment[];
  readonly tamper?: Tampering;
}

export interface SenderCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * An EfA online service sending through FIT-Connect: fetches the destination's public encryption
 * key, encrypts metadata, data and every attachment separately, announces, uploads, submits.
 */
export async function sendSubmission(
  baseUrl: string,
  credentials: SenderCredentials,
  outgoing: OutgoingSubmission,
): Promise<{ submissionId: string; caseId: string }> {
  const token = await clientToken(baseUrl, credentials);
  const call = async (
    method: string,
    path: string,
    body?: string,
    contentType = 'application/json',
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': contentType } : {}),
      },
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, string | undefined>) : {};
  };
  const destination = await call('GET', `/v1/destinations/${outgoing.destinationId}`);
  const published = (await call(
    'GET',
    `/v1/destinations/${outgoing.destinationId}/keys/${destination.encryptionKid}`,
  )) as JWK;
  const key = outgoing.tamper === 'wrong-key' ? await strangerKey(published.kid) : published;
  const attachments = (outgoing.attachments ?? []).map((file) => ({ ...file, id: randomUUID() }));
  const dataBytes = new TextEncoder().encode(JSON.stringify(outgoing.data));
  const metadata: Metadata = {
    $schema: metadataSchemaUri,
    contentStructure: {
      data: {
        hash: { type: 'sha512', content: hashOf(dataBytes, outgoing.tamper === 'data-hash') },
        submissionSchema: { schemaUri: outgoing.schemaUri, mimeType: 'application/json' },
      },
      attachments: attachments.map((file) => ({
        attachmentId: file.id,
        hash: {
          type: 'sha512',
          content: hashOf(file.content, outgoing.tamper === 'attachment-hash'),
        },
        purpose: 'attachment',
        filename: file.filename,
        mimeType: file.mimeType,
      })),
    },
  };
  const announced = await call(
    'POST',
    '/v1/submissions',
    JSON.stringify({
      destinationId: outgoing.destinationId,
      announcedAttachments: attachments.map((file) => file.id),
      serviceType: {
        name: outgoing.serviceName,
        identifier: `urn:de:fim:leika:leistung:${outgoing.leikaKey}`,
      },
    }),
  );
  const { submissionId, caseId } = announced;
  if (submissionId === undefined || caseId === undefined)
    throw new Error('the announcement answered no submission or case id');
  for (const file of attachments) {
    await call(
      'PUT',
      `/v1/submissions/${submissionId}/attachments/${file.id}`,
      await encryptForDestination(key, file.content),
      'application/jose',
    );
  }
  const encryptedData = await encryptForDestination(key, dataBytes);
  await call(
    'PUT',
    `/v1/submissions/${submissionId}`,
    JSON.stringify({
      encryptedMetadata: await encryptForDestination(
        key,
        new TextEncoder().encode(JSON.stringify(metadata)),
      ),
      encryptedData:
        outgoing.tamper === 'ciphertext' ? flipCiphertext(encryptedData) : encryptedData,
    }),
  );
  return { submissionId, caseId };
}

/** `POST /token` with the client credentials grant. */
export async function clientToken(
  baseUrl: string,
  credentials: SenderCredentials,
): Promise<string> {
  const response = await fetch(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }).toString(),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function hashOf(bytes: Uint8Array, spoil: boolean): string {
  return spoil ? sha512Hex(new TextEncoder().encode('something else')) : sha512Hex(bytes);
}

/** A key the destination does not hold, under the destination's key id. */
async function strangerKey(kid: string | undefined): Promise<JWK> {
  const { publicKey } = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048 });
  return { ...(await exportJWK(publicKey)), kid, alg: 'RSA-OAEP-256' };
}

/** Changes one character of the JWE's ciphertext part: the GCM tag no longer matches. */
function flipCiphertext(jwe: string): string {
  const parts = jwe.split('.');
  const ciphertext = parts[3] ?? '';
  parts[3] = (ciphertext.startsWith('A') ? 'B' : 'A') + ciphertext.slice(1);
  return parts.join('.');
}
