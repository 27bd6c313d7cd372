import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Both directions between the hub and an office are signed the same way:
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, "<X-Hub-Timestamp>.<raw body>")>`.
 * The timestamp (Unix seconds) is signed too and must be recent, so a captured call cannot be
 * replayed later.
 */
export const signatureHeaders = { signature: 'x-hub-signature-256', timestamp: 'x-hub-timestamp' };

const toleranceSeconds = 300;

export function sign(secret: string, body: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verify(
  secret: string,
  body: string,
  headers: { signature: unknown; timestamp: unknown },
  now: number,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
  if (typeof headers.signature !== 'string') return false;
  const expected = Buffer.from(sign(secret, body, timestamp));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `verify` on a received request's headers, at the current time. */
export function verifyRequest(
  secret: string,
  body: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): boolean {
  return verify(
    secret,
    body,
    {
      signature: headers[signatureHeaders.signature],
      timestamp: headers[signatureHeaders.timestamp],
    },
    Math.floor(Date.now() / 1000),
  );
}
