import { classifyHttpStatus, classifyNetworkError, inClientSpan } from '@hub/kit';

export interface ClientCredentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs: number;
}

/** Renew this long before the token would expire, so no call goes out with a dying token. */
const renewEarlyMs = 60_000;

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4) against FIT-Connect's token endpoint; the token
 * is kept until shortly before it expires, or until the API refuses it.
 */
export class AccessToken {
  private current: { token: string; expiresAt: number } | undefined;

  constructor(private readonly credentials: ClientCredentials) {}

  async bearer(): Promise<string> {
    if (this.current && this.current.expiresAt > Date.now()) return this.current.token;
    const { tokenUrl, clientId, clientSecret, timeoutMs } = this.credentials;
    const target = 'FIT-Connect token endpoint';
    const answer = await inClientSpan(
      { operation: 'POST token', url: new URL(tokenUrl), method: 'POST', protocol: 'http' },
      async (traceHeaders) => {
        let response: Response;
        try {
          response = await fetch(tokenUrl, {
            method: 'POST',
            headers: { ...traceHeaders, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              grant_type: 'client_credentials',
              client_id: clientId,
              client_secret: clientSecret,
            }).toString(),
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          throw classifyNetworkError(error, target);
        }
        // The token endpoint's error text is not quoted: it may echo the credentials.
        if (!response.ok) throw classifyHttpStatus(response.status, target, '');
        return (await response.json()) as { access_token?: unknown; expires_in?: unknown };
      },
    );
    if (typeof answer.access_token !== 'string')
      throw classifyHttpStatus(502, target, 'no access_token in the answer');
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 300) * 1000;
    this.current = {
      token: answer.access_token,
      expiresAt: Date.now() + Math.max(lifetimeMs - renewEarlyMs, lifetimeMs / 2),
    };
    return this.current.token;
  }

  /** The API refused the token (revoked, rotated): the next call fetches a new one. */
  forget(): void {
    this.current = undefined;
  }
}
