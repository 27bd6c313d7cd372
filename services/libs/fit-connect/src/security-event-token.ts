import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { eventTypes, setPayloadSchemaUri, type RejectionProblem } from './wire.js';

/*
 * Accept and reject are security event tokens (RFC 8417) the destination signs with its
 * signature key: JWS header { alg: PS512, typ: secevent+jwt, kid }, payload
 * { $schema, jti, iss: destinationId, iat, sub: "submission:<id>", txn: "case:<id>", events }.
 * They are posted to POST /v1/cases/{caseId}/events as the compact JWS (application/jose).
 */
export const setHeader = { alg: 'PS512', typ: 'secevent+jwt' } as const;

export type Decision =
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject'; readonly problems: readonly RejectionProblem[] };

export interface SetSubject {
  readonly destinationId: string;
  readonly submissionId: string;
  readonly caseId: string;
}

export async function signDecision(
  key: { readonly privateKey: CryptoKey; readonly kid: string },
  subject: SetSubject,
  decision: Decision,
  now: Date = new Date(),
): Promise<string> {
  const events =
    decision.kind === 'accept'
      ? { [eventTypes.acceptSubmission]: {} }
      : { [eventTypes.rejectSubmission]: { problems: decision.problems } };
  return new SignJWT({
    $schema: setPayloadSchemaUri,
    sub: `submission:${subject.submissionId}`,
    txn: `case:${subject.caseId}`,
    events,
  })
    .setProtectedHeader({ ...setHeader, kid: key.kid })
    .setIssuer(subject.destinationId)
    .setJti(randomUUID())
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(key.privateKey);
}

/** Verifies a SET's signature, type and algorithm; throws on any mismatch. */
export async function verifySecurityEvent(
  token: string,
  publicKey: CryptoKey,
  issuer: string,
): Promise<JWTPayload & { events: Record<string, unknown> }> {
  const { payload } = await jwtVerify(token, publicKey, {
    algorithms: [setHeader.alg],
    typ: setHeader.typ,
    issuer,
  });
  if (typeof payload.events !== 'object' || payload.events === null)
    throw new TypeError('the security event token carries no events');
  return payload as JWTPayload & { events: Record<string, unknown> };
}
