import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How the simulated provider wants the hub to authenticate, mirroring the profile's auth kinds. */
export type SimulatorAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | {
      readonly kind: 'oauth2';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly tokenTtlSeconds?: number;
    };

/** Checks API calls and serves `POST /oauth/token` (client credentials grant). */
export class ProviderAuth {
  private readonly tokens = new Map<string, number>();
  tokensIssued = 0;

  constructor(private readonly auth: SimulatorAuth) {}

  allows(request: IncomingMessage): boolean {
    const authorization = request.headers.authorization ?? '';
    switch (this.auth.kind) {
      case 'none':
        return true;
      case 'basic':
        return sameText(authorization, basic(this.auth.username, this.auth.password));
      case 'oauth2': {
        const token = /^Bearer (.+)$/.exec(authorization)?.[1];
        const expiresAt = token === undefined ? undefined : this.tokens.get(token);
        return expiresAt !== undefined && Date.now() < expiresAt;
      }
    }
  }

  /** A new bearer token for valid client credentials (form-urlencoded, Basic-authenticated). */
  issueToken(
    request: IncomingMessage,
  ): { access_token: string; token_type: 'Bearer'; expires_in: number } | undefined {
    if (this.auth.kind !== 'oauth2') return undefined;
    const authorization = request.headers.authorization ?? '';
    const expected = basic(
      encodeURIComponent(this.auth.clientId),
      encodeURIComponent(this.auth.clientSecret),
    );
    if (!sameText(authorization, expected)) return undefined;
    const ttl = this.auth.tokenTtlSeconds ?? 300;
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + ttl * 1000);
    this.tokensIssued += 1;
    return { access_token: token, token_type: 'Bearer', expires_in: ttl };
  }

  /** Invalidates every token before its expiry, as a provider restart or key rotation would. */
  revokeTokens(): void {
    this.tokens.clear();
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
