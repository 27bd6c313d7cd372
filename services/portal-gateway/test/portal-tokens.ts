import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export const issuer = 'https://portal.test/auth';
export const audience = 'municipal-hub';

export interface TokenClaims {
  scope?: string;
  citizenAccount?: string;
  /** Seconds since the epoch; default five minutes from now; null: a token without `exp`. */
  expiresAt?: number | null;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
  notBefore?: number;
  issuer?: string;
}

/** A portal identity provider for tests: a JWKS file the gateway trusts, and a signer for tokens. */
export async function portalIdentityProvider(directory: string) {
  const trusted = await generateKeyPair('RS256');
  const forger = await generateKeyPair('RS256');
  const jwk = {
    ...(await exportJWK(trusted.publicKey)),
    kid: 'portal-1',
    alg: 'RS256',
    use: 'sig',
  };
  const jwksFile = join(directory, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));

  const sign = (key: CryptoKey, claims: TokenClaims) => {
    const jwt = new SignJWT({
      scope: claims.scope ?? 'applications:submit applications:read',
      ...(claims.citizenAccount ? { citizen_account: claims.citizenAccount } : {}),
      azp: 'portal-dortmund',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'portal-1' })
      .setIssuer(claims.issuer ?? issuer)
      .setAudience(audience)
      .setIssuedAt(claims.issuedAt);
    if (claims.expiresAt !== null) jwt.setExpirationTime(claims.expiresAt ?? '5m');
    if (claims.notBefore !== undefined) jwt.setNotBefore(claims.notBefore);
    return jwt.sign(key);
  };

  return {
    jwksFile,
    token: (claims: TokenClaims = {}) => sign(trusted.privateKey, claims),
    forgedToken: (claims: TokenClaims = {}) => sign(forger.privateKey, claims),
  };
}
