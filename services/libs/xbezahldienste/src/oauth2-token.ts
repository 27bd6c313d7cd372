import { z } from 'zod';
import type { AccessToken } from './bearer-token-cache.js';
import { exchange } from './http-exchange.js';
import { errorForStatus } from './http-status.js';
import { parseJsonOrUndefined } from './parse-json.js';
import { paymentError } from './payment-errors.js';
import type { ProviderAuth } from './provider-profile.js';

type OAuth2Auth = Extract<ProviderAuth, { kind: 'oauth2' }>;

const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().positive().default(300),
});

/**
 * RFC 6749 §4.4 client credentials grant, the client authenticating with HTTP Basic (§2.3.1, the
 * form-urlencoded id and secret). Any 4xx means our credentials are wrong: fatal, not retried.
 */
export async function fetchClientCredentialsToken(
  auth: OAuth2Auth,
  timeoutMs: number,
): Promise<AccessToken> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (auth.scope) form.set('scope', auth.scope);
  const credentials = `${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.clientSecret)}`;
  const what = 'POST token endpoint';
  const reply = await exchange({
    method: 'POST',
    url: new URL(auth.tokenUrl),
    headers: {
      authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: form.toString(),
    timeoutMs,
    what,
  });
  if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
    throw paymentError('PAYMENT_PROVIDER_AUTH_FAILED', `${what} answered HTTP ${reply.status}`);
  }
  if (reply.status < 200 || reply.status >= 300) throw errorForStatus(reply.status, what);
  const parsed = tokenReplySchema.safeParse(parseJsonOrUndefined(reply.body));
  if (!parsed.success) {
    throw paymentError('PAYMENT_PROVIDER_BAD_RESPONSE', `${what}: no usable bearer token`);
  }
  return { value: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
}
