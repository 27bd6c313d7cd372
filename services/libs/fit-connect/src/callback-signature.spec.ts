import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallback } from './callback-signature.js';

const secret = 'destination-callback-secret-for-tests';
const body =
  '{"type":"https://schema.fitko.de/fit-connect/callbacks/new-submissions","submissionIds":["x"]}';
const now = 1_764_000_000;

describe('FIT-Connect callback signatures', () => {
  it('accepts the hex HMAC-SHA512 of "<timestamp>.<body>" with a recent timestamp', () => {
    const authentication = signCallback(secret, body, now - 10);
    expect(authentication).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyCallback(secret, body, { authentication, timestamp: String(now - 10) }, now)).toBe(
      'valid',
    );
  });

  it.each([
    [
      'another secret',
      signCallback('another-secret', body, now),
      String(now),
      body,
      'wrong-signature',
    ],
    ['a changed body', signCallback(secret, body, now), String(now), `${body} `, 'wrong-signature'],
    [
      'a changed timestamp',
      signCallback(secret, body, now),
      String(now + 1),
      body,
      'wrong-signature',
    ],
    [
      'older than five minutes',
      signCallback(secret, body, now - 301),
      String(now - 301),
      body,
      'stale',
    ],
    ['from the future', signCallback(secret, body, now + 301), String(now + 301), body, 'stale'],
    ['a timestamp that is no number', signCallback(secret, body, now), '1e9', body, 'stale'],
    ['no signature', undefined, String(now), body, 'missing'],
  ])('refuses %s', (_, authentication, timestamp, received, verdict) => {
    expect(verifyCallback(secret, received, { authentication, timestamp }, now)).toBe(verdict);
  });
});
