import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { problem, type ProblemResponse } from '../http/problem.js';

/** Who calls: the portal client, its granted scopes, and the citizen it acts for (if any). */
export interface Caller {
  readonly clientId: string;
  readonly scopes: ReadonlySet<string>;
  /** The pseudonymous citizen-account reference of the logged-in citizen (claim `citizen_account`). */
  readonly citizenAccount: string | undefined;
}

export interface TokenVerifierOptions {
  /** A JWKS document on disk, or */
  readonly jwksFile?: string | undefined;
  /** the JWKS endpoint of the portal's identity provider. */
  readonly jwksUrl?: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  /** Longest accepted lifetime in seconds; a token must carry `exp`. */
  readonly maxLifetimeSeconds: number;
}

export type Verification = { ok: true; caller: Caller } | { ok: false; failure: ProblemResponse };

function keySource(options: TokenVerifierOptions): JWTVerifyGetKey {
  if (options.jwksFile)
    return createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  throw new TypeError('TokenVerifier needs jwksFile or jwksUrl.');
}

function unauthorized(detail: string): Verification {
  return { ok: false, failure: problem(401, 'Unauthorized', detail) };
}

/** Verifies OAuth2 bearer JWTs of portal clients against the configured keys, issuer and audience. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = keySource(options);
  }

  async verify(authorization: string | undefined, requiredScope: string): Promise<Verification> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return unauthorized('A bearer token is required (Authorization: Bearer <JWT>).');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return unauthorized('The bearer token has expired.');
      if (error instanceof errors.JWTClaimValidationFailed)
        return unauthorized(`The bearer token's ${error.claim} claim is not accepted.`);
      return unauthorized('The bearer token is not valid (signature, key or format).');
    }
    const lifetime = this.lifetimeProblem(payload);
    if (lifetime) return unauthorized(lifetime);
    const scopes = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
    if (!scopes.has(requiredScope)) {
      return {
        ok: false,
        failure: problem(403, 'Forbidden', `The bearer token lacks the scope ${requiredScope}.`),
      };
    }
    const clientId =
      typeof payload.azp === 'string' ? payload.azp : (payload.sub ?? 'unknown-client');
    const citizenAccount =
      typeof payload.citizen_account === 'string' ? payload.citizen_account : undefined;
    return { ok: true, caller: { clientId, scopes, citizenAccount } };
  }

  /**
   * A stolen token is useful only until it expires: the lifetime counts from `iat` (or `nbf`, or
   * now) and from now, so neither a far `exp` nor an `iat` in the future stretches it.
   */
  private lifetimeProblem(payload: JWTPayload): string | undefined {
    const now = Math.floor(Date.now() / 1000);
    const expires = payload.exp ?? now;
    const issued = payload.iat ?? payload.nbf ?? now;
    const lifetime = Math.max(expires - issued, expires - now);
    return lifetime > this.options.maxLifetimeSeconds
      ? `The bearer token lives longer than ${this.options.maxLifetimeSeconds} s (exp − iat); ask for a shorter-lived token.`
      : undefined;
  }
}
