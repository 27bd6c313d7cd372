import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestRefused } from './http-io.js';

/** An API client of the platform: an online service that sends, or a destination's subscriber. */
export interface ApiClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly role: 'sender' | 'subscriber';
  /** The destination a subscriber may pick up from. */
  readonly destinationId?: string;
}

const tokenTtlSeconds = 1800;

/** OAuth2 client credentials (RFC 6749 §4.4) and the bearer tokens it hands out. */
export class Clients {
  private readonly clients = new Map<string, ApiClient>();
  private readonly tokens = new Map<string, { client: ApiClient; expiresAt: number }>();

  add(client: ApiClient): void {
    this.clients.set(client.clientId, client);
  }

  /** `POST /token` with grant_type=client_credentials; credentials in the form or as Basic. */
  issue(form: URLSearchParams, authorization: string | undefined) {
    if (form.get('grant_type') !== 'client_credentials')
      throw new RequestRefused(400, 'grant_type must be client_credentials');
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [];
    const clientId = basicId ?? form.get('client_id') ?? '';
    const secret = basicSecret ?? form.get('client_secret') ?? '';
    const client = this.clients.get(clientId);
    if (!client || !sameText(client.clientSecret, secret))
      throw new RequestRefused(401, 'invalid client credentials');
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { client, expiresAt: Date.now() + tokenTtlSeconds * 1000 });
    return { access_token: token, token_type: 'Bearer', expires_in: tokenTtlSeconds };
  }

  /** The client behind the request's bearer token, in the role the route needs; else 401/403. */
  caller(request: IncomingMessage, role: ApiClient['role']): ApiClient {
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    const entry = token === undefined ? undefined : this.tokens.get(token);
    if (!entry || entry.expiresAt < Date.now())
      throw new RequestRefused(401, 'a valid bearer token is required');
    if (entry.client.role !== role) throw new RequestRefused(403, `only a ${role} may do this`);
    return entry.client;
  }

  revokeTokens(): void {
    this.tokens.clear();
  }
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
