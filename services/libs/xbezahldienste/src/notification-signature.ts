import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationSignatureConfig } from './provider-profile.js';

/**
 * Provider notifications are signed as hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`)), the
 * timestamp in Unix seconds in its own header. Signing the timestamp with the body stops an attacker
 * from replaying an old notification with a fresh timestamp; the window stops plain replays.
 * A valid signature still only means "look again": the outcome comes from GET, never from here.
 */
export function signNotification(
  secret: string,
  timestampSeconds: number,
  rawBody: string | Buffer,
): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
}

export type SignatureVerdict =
  | { readonly valid: true }
  | {
      readonly valid: false;
      readonly reason:
        | 'missing-signature'
        | 'missing-timestamp'
        | 'malformed-timestamp'
        | 'outside-window'
        | 'mismatch';
    };

export interface SignedNotification {
  /** Header names as Node gives them: lower-cased. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body exactly as received, before any JSON parsing. */
  readonly rawBody: string | Buffer;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

function header(notification: SignedNotification, name: string): string | undefined {
  const value = notification.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : value?.[0];
}

export function verifyNotificationSignature(
  notification: SignedNotification,
  config: Pick<
    NotificationSignatureConfig,
    'secret' | 'signatureHeader' | 'timestampHeader' | 'toleranceSeconds'
  >,
  nowMs: number,
): SignatureVerdict {
  const signature = header(notification, config.signatureHeader);
  if (!signature) return { valid: false, reason: 'missing-signature' };
  const timestamp = header(notification, config.timestampHeader);
  if (!timestamp) return { valid: false, reason: 'missing-timestamp' };
  if (!UNIX_SECONDS.test(timestamp)) return { valid: false, reason: 'malformed-timestamp' };
  const timestampSeconds = Number(timestamp);
  if (Math.abs(nowMs / 1000 - timestampSeconds) > config.toleranceSeconds) {
    return { valid: false, reason: 'outside-window' };
  }
  if (!HEX_SHA256.test(signature)) return { valid: false, reason: 'mismatch' };
  const expected = Buffer.from(
    signNotification(config.secret, timestampSeconds, notification.rawBody),
    'hex',
  );
  const given = Buffer.from(signature, 'hex');
  return timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'mismatch' };
}
