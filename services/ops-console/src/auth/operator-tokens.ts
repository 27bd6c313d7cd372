import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { HubError } from '@hub/errors';

/** The scopes of the console: operators, never citizens, get them from their identity provider. */
export const opsScopes = { read: 'ops:read', replay: 'ops:replay' } as const;

/** A verified operator: who (the token's subject, written to the replay audit) and what they may do. */
export interface Operator {
  readonly subject: string;
  readonly scopes: ReadonlySet<string>;
}

export type OperatorVerification =
  | { readonly ok: true; readonly operator: Operator }
  | { readonly ok: false; readonly reason: string };

export interface OperatorTokenOptions {
  readonly jwksFile?: string | undefined;
  readonly jwksUrl?: string | undefined;
  readonly issuer: string;
  readonly audience: string;
}

function keySource(options: OperatorTokenOptions): JWTVerifyGetKey {
  if (options.jwksUrl) return createRemoteJWKSet(new URL(options.jwksUrl));
  if (options.jwksFile)
    return createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
  throw new HubError('OPS_NO_KEYS', 'Operator tokens need JWKS_FILE or JWKS_URL.', {
    retryable: false,
  });
}

/** Verifies operator JWTs (RS256) against the configured keys, issuer and audience. */
export class OperatorTokens {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: OperatorTokenOptions) {
    this.keys = keySource(options);
  }

  /** The reasons are German: they are shown on the login page as they are. */
  async verify(token: string | undefined): Promise<OperatorVerification> {
    if (!token) return { ok: false, reason: 'Bitte melden Sie sich mit einem Operator-Token an.' };
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        return { ok: false, reason: 'Das Token ist abgelaufen.' };
      if (error instanceof errors.JWTClaimValidationFailed)
        return { ok: false, reason: `Das Token wird nicht akzeptiert (Angabe ${error.claim}).` };
      return { ok: false, reason: 'Das Token ist ungültig (Signatur, Schlüssel oder Format).' };
    }
    const scopes = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
    if (!scopes.has(opsScopes.read))
      return { ok: false, reason: `Dem Token fehlt die Berechtigung ${opsScopes.read}.` };
    return { ok: true, operator: { subject: payload.sub ?? 'unbekannt', scopes } };
  }
}
