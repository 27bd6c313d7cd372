import { describe, expect, it } from 'vitest';
import { errorForStatus } from './http-status.js';

describe('errorForStatus', () => {
  it.each([
    [500, 'PAYMENT_PROVIDER_UNAVAILABLE', true],
    [502, 'PAYMENT_PROVIDER_UNAVAILABLE', true],
    [503, 'PAYMENT_PROVIDER_UNAVAILABLE', true],
    [429, 'PAYMENT_PROVIDER_UNAVAILABLE', true],
    [400, 'PAYMENT_REQUEST_REJECTED', false],
    [422, 'PAYMENT_REQUEST_REJECTED', false],
    [302, 'PAYMENT_REQUEST_REJECTED', false],
    [401, 'PAYMENT_PROVIDER_AUTH_FAILED', false],
    [403, 'PAYMENT_PROVIDER_AUTH_FAILED', false],
    [404, 'PAYMENT_TRANSACTION_NOT_FOUND', false],
    [409, 'PAYMENT_TRANSACTION_CONFLICT', false],
    [102, 'PAYMENT_PROVIDER_BAD_RESPONSE', true],
  ])('HTTP %i → %s (retryable: %s)', (status, code, retryable) => {
    const error = errorForStatus(status, 'GET paymenttransaction/o/e/t');
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toBe(`GET paymenttransaction/o/e/t answered HTTP ${status}`);
  });
});
