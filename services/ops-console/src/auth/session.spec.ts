import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CsrfTokens, sessionCookie } from './session.js';

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Strict, Secure only when asked', () => {
    expect(sessionCookie('t', false, 60)).toBe(
      'ops_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
    );
    expect(sessionCookie('t', true, 60)).toMatch(/; Secure$/);
  });
});

describe('CsrfTokens', () => {
  const csrf = new CsrfTokens(randomBytes(32));

  it('accepts the form token of the same session only', () => {
    const token = csrf.of('session-a');
    expect(csrf.matches('session-a', token)).toBe(true);
    expect(csrf.matches('session-b', token)).toBe(false);
  });

  it('refuses a missing or malformed form token', () => {
    expect(csrf.matches('session-a', undefined)).toBe(false);
    expect(csrf.matches('session-a', 'short')).toBe(false);
  });

  it('differs between processes, so a token cannot be precomputed', () => {
    expect(new CsrfTokens(randomBytes(32)).of('s')).not.toBe(csrf.of('s'));
  });
});
