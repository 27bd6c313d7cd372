import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * FIT-Connect callbacks (Submission API, "Callbacks"): the platform POSTs to the destination's
 * callback URL with
 *   callback-timestamp:      Unix seconds
 *   callback-authentication: hex HMAC-SHA512(callback secret, "<callback-timestamp>.<raw body>")
 * A receiver compares in constant time and refuses timestamps older than five minutes, so a
 * captured callback cannot be replayed later.
 */
export const callbackHeaders = {
  authentication: 'callback-authentication',
  timestamp: 'callback-timestamp',
} as const;

export const callbackToleranceSeconds = 300;

export function signCallback(secret: string, rawBody: string, timestamp: number): string {
  return createHmac('sha512', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export type CallbackVerdict = 'valid' | 'missing' | 'stale' | 'wrong-signature';

/** Why a callback is refused, or `valid`; `now` in Unix seconds. */
export function verifyCallback(
  secret: string,
  rawBody: string,
  headers: { authentication: unknown; timestamp: unknown },
  now: number,
): CallbackVerdict {
  if (typeof headers.authentication !== 'string' || typeof headers.timestamp !== 'string')
    return 'missing';
  if (!/^\d{1,12}$/.test(headers.timestamp)) return 'stale';
  const timestamp = Number(headers.timestamp);
  // A timestamp from the future is as suspect as an old one: both fall outside the window.
  if (Math.abs(now - timestamp) > callbackToleranceSeconds) return 'stale';
  const expected = Buffer.from(signCallback(secret, rawBody, timestamp), 'utf8');
  const given = Buffer.from(headers.authentication.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? 'valid'
    : 'wrong-signature';
}
