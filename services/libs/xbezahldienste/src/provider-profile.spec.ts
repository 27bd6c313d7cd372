import { HubError } from '@hub/errors';
import { describe, expect, it } from 'vitest';
import { parseProviderProfile } from './provider-profile.js';

const valid = {
  name: 'epaybl-test',
  baseUrl: 'https://epayment.example/konnektor/epayment/',
  originatorId: 'musterstadt',
  endpointId: 'bauamt',
  auth: {
    kind: 'oauth2',
    tokenUrl: 'https://idp.example/token',
    clientId: 'hub',
    clientSecret: 's3cret',
  },
  paymentMethods: ['CREDITCARD', 'PAYPAL'],
};

function problemOf(input: unknown): string {
  try {
    parseProviderProfile(input);
  } catch (error) {
    if (error instanceof HubError && error.code === 'PAYMENT_PROFILE_INVALID') return error.message;
    throw error;
  }
  throw new HubError('TEST_EXPECTED_FAILURE', 'profile was accepted', { retryable: false });
}

describe('parseProviderProfile', () => {
  it('accepts a complete profile and fills the defaults', () => {
    const profile = parseProviderProfile({ ...valid, notifications: { secret: 'x'.repeat(32) } });
    expect(profile.timeoutMs).toBe(10_000);
    expect(profile.notifications).toEqual({
      secret: 'x'.repeat(32),
      signatureHeader: 'x-xbezahldienste-signature',
      timestampHeader: 'x-xbezahldienste-timestamp',
      toleranceSeconds: 300,
    });
  });

  it('names the missing OAuth2 field', () => {
    expect(problemOf({ ...valid, auth: { ...valid.auth, clientSecret: undefined } })).toMatch(
      /auth\.clientSecret/,
    );
  });

  it('names a malformed base URL', () => {
    expect(problemOf({ ...valid, baseUrl: 'ftp://epayment.example' })).toMatch(/baseUrl/);
  });

  it('refuses a profile without payment methods', () => {
    expect(problemOf({ ...valid, paymentMethods: [] })).toMatch(/paymentMethods/);
  });

  it('refuses an unknown auth kind', () => {
    expect(problemOf({ ...valid, auth: { kind: 'apikey' } })).toMatch(/auth\.kind/);
  });

  it('refuses a TLS profile without a client certificate', () => {
    expect(problemOf({ ...valid, auth: { kind: 'tls', certPem: 'PEM' } })).toMatch(
      /auth.*needs pfxBase64, or certPem together with keyPem/,
    );
  });

  it('does not echo secrets in its message', () => {
    const message = problemOf({ ...valid, auth: { ...valid.auth, tokenUrl: 'not a url' } });
    expect(message).not.toContain('s3cret');
  });
});
