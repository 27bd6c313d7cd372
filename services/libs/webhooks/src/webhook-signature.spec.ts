import { describe, expect, it } from 'vitest';
import { sign, verify } from './webhook-signature.js';

const secret = 'office-secret-for-tests';
const body = '{"serviceRequestId":"x","status":"closed"}';
const now = 1_764_000_000;

describe('webhook signatures', () => {
  it('accepts what was signed with the same secret, body and a recent timestamp', () => {
    const signature = sign(secret, body, now - 10);
    expect(verify(secret, body, { signature, timestamp: String(now - 10) }, now)).toBe(true);
  });

  it.each([
    ['another secret', sign('another-secret-value', body, now), String(now), body],
    ['a changed body', sign(secret, body, now), String(now), body.replace('closed', 'open')],
    ['a changed timestamp', sign(secret, body, now), String(now + 1), body],
    ['a stale timestamp', sign(secret, body, now - 301), String(now - 301), body],
    ['no signature', undefined, String(now), body],
  ])('refuses %s', (_, signature, timestamp, received) => {
    expect(verify(secret, received, { signature, timestamp }, now)).toBe(false);
  });
});
