import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';

const signingKey = JSON.parse(
  readFileSync(
    new URL(import.meta.resolve('@hub/deploy-config/dev/portal-signing-key.jwk.json')),
    'utf8',
  ),
) as JWK;

/** A token as `npm run hub -- dev-token --operator` mints it (the console's default issuer/audience). */
export async function operatorToken(
  subject: string,
  scope = 'ops:read ops:replay',
  audience = 'municipal-hub-ops',
): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid ?? 'dev-portal-1' })
    .setSubject(subject)
    .setIssuer(
      audience === 'municipal-hub-ops'
        ? 'https://operators.example/auth'
        : 'https://portal.example/auth',
    )
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(await importJWK(signingKey, 'RS256'));
}
