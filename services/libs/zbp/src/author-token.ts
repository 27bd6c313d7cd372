import { SignJWT, importJWK, jwtVerify, type JWK } from 'jose';

/** The algorithm of the author token: ES256, the key type of the dev keys. */
export const authorTokenAlgorithm = 'ES256';

// Importing a JWK checks the curve point each time (~7 % of a busy postbox connector); a key is
// configured once and signs every message, so each key object is imported once.
const importedKeys = new WeakMap<JWK, ReturnType<typeof importJWK>>();

function keyOf(jwk: JWK): ReturnType<typeof importJWK> {
  let key = importedKeys.get(jwk);
  if (!key) {
    key = importJWK(jwk, authorTokenAlgorithm);
    // A key that failed to import is tried again next time, not remembered broken.
    key.catch(() => importedKeys.delete(jwk));
    importedKeys.set(jwk, key);
  }
  return key;
}

/** What the author token vouches for: this message id with this checksum, by this sender. */
export interface AuthorClaims {
  readonly messageId: string;
  readonly sha512sum: string;
  readonly sender: string;
}

/** Signs the author token; it binds the sender to one message and its exact content. */
export async function signAuthorToken(privateKey: JWK, claims: AuthorClaims): Promise<string> {
  const key = await keyOf(privateKey);
  return new SignJWT({ sha512sum: claims.sha512sum })
    .setProtectedHeader({
      alg: authorTokenAlgorithm,
      typ: 'JWT',
      ...(privateKey.kid ? { kid: privateKey.kid } : {}),
    })
    .setIssuer(claims.sender)
    .setSubject(claims.messageId)
    .setIssuedAt()
    .sign(key);
}

/**
 * Verifies the token's signature against the author's public key and that it vouches for exactly
 * this message; returns the reason it does not, or null.
 */
export async function authorTokenProblem(
  publicKey: JWK,
  token: string,
  expected: AuthorClaims,
): Promise<string | null> {
  let payload;
  try {
    const key = await keyOf(publicKey);
    ({ payload } = await jwtVerify(token, key, { algorithms: [authorTokenAlgorithm] }));
  } catch {
    return 'signature does not verify against the author key';
  }
  if (payload.sub !== expected.messageId) return 'token is for another messageId';
  if (payload.iss !== expected.sender) return 'token is for another sender';
  if (payload['sha512sum'] !== expected.sha512sum) return 'token is for another sha512sum';
  return null;
}
