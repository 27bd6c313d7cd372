import { describe, expect, it } from 'vitest';
import { signNotification, verifyNotificationSignature } from './notification-signature.js';

const config = {
  secret: 'a-shared-secret-of-some-length',
  signatureHeader: 'X-Provider-Signature',
  timestampHeader: 'X-Provider-Timestamp',
  toleranceSeconds: 300,
};
const nowMs = 1_800_000_000_000;
const nowSeconds = nowMs / 1000;
const rawBody = '{"transactionId":"tx-1","status":"PAYED"}';

function signedHeaders(timestampSeconds: number, body = rawBody, secret = config.secret) {
  return {
    'x-provider-signature': signNotification(secret, timestampSeconds, body),
    'x-provider-timestamp': String(timestampSeconds),
  };
}

describe('verifyNotificationSignature', () => {
  it('accepts a fresh notification signed with the shared secret', () => {
    const verdict = verifyNotificationSignature(
      { headers: signedHeaders(nowSeconds), rawBody },
      config,
      nowMs,
    );
    expect(verdict).toEqual({ valid: true });
  });

  it('accepts the raw body as bytes', () => {
    const verdict = verifyNotificationSignature(
      { headers: signedHeaders(nowSeconds), rawBody: Buffer.from(rawBody) },
      config,
      nowMs,
    );
    expect(verdict).toEqual({ valid: true });
  });

  it('accepts a timestamp at the edge of the window, refuses one beyond it', () => {
    const atEdge = signedHeaders(nowSeconds - 300);
    const beyond = signedHeaders(nowSeconds + 301);
    expect(verifyNotificationSignature({ headers: atEdge, rawBody }, config, nowMs).valid).toBe(
      true,
    );
    expect(verifyNotificationSignature({ headers: beyond, rawBody }, config, nowMs)).toEqual({
      valid: false,
      reason: 'outside-window',
    });
  });

  it('refuses a body changed after signing', () => {
    const headers = signedHeaders(nowSeconds);
    const tampered = rawBody.replace('PAYED', 'FAILED');
    expect(verifyNotificationSignature({ headers, rawBody: tampered }, config, nowMs)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('refuses an old signature replayed with a fresh timestamp', () => {
    const old = signedHeaders(nowSeconds - 3600);
    const replayed = { ...old, 'x-provider-timestamp': String(nowSeconds) };
    expect(verifyNotificationSignature({ headers: replayed, rawBody }, config, nowMs)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('refuses a signature made with another secret', () => {
    const headers = signedHeaders(nowSeconds, rawBody, 'somebody-elses-secret-value');
    expect(verifyNotificationSignature({ headers, rawBody }, config, nowMs).valid).toBe(false);
  });

  it.each([
    [{ 'x-provider-timestamp': String(nowSeconds) }, 'missing-signature'],
    [{ 'x-provider-signature': 'ab'.repeat(32) }, 'missing-timestamp'],
    [
      { 'x-provider-signature': 'ab'.repeat(32), 'x-provider-timestamp': '1e9' },
      'malformed-timestamp',
    ],
    [{ 'x-provider-signature': 'zz', 'x-provider-timestamp': String(nowSeconds) }, 'mismatch'],
    [{ 'x-provider-signature': 'ab', 'x-provider-timestamp': String(nowSeconds) }, 'mismatch'],
  ])('refuses incomplete headers %j as %s', (headers, reason) => {
    expect(verifyNotificationSignature({ headers, rawBody }, config, nowMs)).toEqual({
      valid: false,
      reason,
    });
  });

  it('reads the first value of a repeated header', () => {
    const signed = signedHeaders(nowSeconds);
    const headers = { ...signed, 'x-provider-signature': [signed['x-provider-signature'], 'x'] };
    expect(verifyNotificationSignature({ headers, rawBody }, config, nowMs).valid).toBe(true);
  });
});
