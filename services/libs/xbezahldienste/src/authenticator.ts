import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { BearerTokenCache } from './bearer-token-cache.js';
import { fetchClientCredentialsToken } from './oauth2-token.js';
import type { ProviderAuth } from './provider-profile.js';

/** How the client proves who it is, whichever of the profile's auth kinds is configured. */
export interface Authenticator {
  /** Headers to add to every provider request. */
  headers(): Promise<Record<string, string>>;
  /** Called after a 401/403; true when a second attempt with fresh credentials may succeed. */
  renewAfterRefusal(): boolean;
  /** The TLS agent carrying a client certificate, if any. */
  readonly agent?: Agent;
  close(): void;
}

export function authenticatorFor(auth: ProviderAuth, timeoutMs: number): Authenticator {
  switch (auth.kind) {
    case 'none':
      return fixedHeaders({});
    case 'basic': {
      const credentials = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      return fixedHeaders({ authorization: `Basic ${credentials}` });
    }
    case 'oauth2': {
      const tokens = new BearerTokenCache(() => fetchClientCredentialsToken(auth, timeoutMs));
      return {
        headers: async () => ({ authorization: `Bearer ${await tokens.token()}` }),
        renewAfterRefusal: () => {
          tokens.invalidate();
          return true;
        },
        close: () => undefined,
      };
    }
    case 'tls': {
      const agent = new Agent({
        keepAlive: true,
        pfx: auth.pfxBase64 === undefined ? undefined : Buffer.from(auth.pfxBase64, 'base64'),
        cert: auth.certPem,
        key: auth.keyPem,
        passphrase: auth.passphrase,
        ca: auth.caPem === undefined ? undefined : [...rootCertificates, auth.caPem],
      });
      return {
        ...fixedHeaders({}),
        agent,
        close: () => {
          agent.destroy();
        },
      };
    }
  }
}

function fixedHeaders(headers: Record<string, string>): Authenticator {
  return {
    headers: () => Promise.resolve(headers),
    renewAfterRefusal: () => false,
    close: () => undefined,
  };
}
