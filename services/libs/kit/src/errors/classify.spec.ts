import { describe, expect, it } from 'vitest';
import { HubError } from '@hub/errors';
import { classifyHttpStatus, classifyNetworkError, classifySoapFault } from './classify.js';

describe('classifyNetworkError', () => {
  it('retries resets and refusals, also when fetch wraps them as the cause', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const wrapped = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(classifyNetworkError(reset, 'xta').retryable).toBe(true);
    expect(classifyNetworkError(wrapped, 'xta')).toMatchObject({
      code: 'NETWORK_TRANSIENT',
      retryable: true,
    });
  });

  it('retries timeouts of AbortSignal.timeout', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');
    expect(classifyNetworkError(timeout, 'xta').retryable).toBe(true);
  });

  it('does not retry an unknown host, and leaves a HubError as it is', () => {
    const unknownHost = Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' });
    expect(classifyNetworkError(unknownHost, 'xta')).toMatchObject({
      code: 'NETWORK_FAILED',
      retryable: false,
    });
    const decided = new HubError('X', 'already decided', { retryable: false });
    expect(classifyNetworkError(decided, 'xta')).toBe(decided);
  });
});

describe('classifyHttpStatus', () => {
  it.each([
    [500, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [404, false],
    [409, false],
  ])('HTTP %i is retryable: %s', (status, retryable) => {
    expect(classifyHttpStatus(status, 'provider')).toMatchObject({
      code: `HTTP_${status}`,
      retryable,
    });
  });
});

describe('classifySoapFault', () => {
  it.each([
    ['soap:Server', true],
    ['env:Receiver', true],
    ['soap:Client', false],
    ['env:Sender', false],
    ['env:MustUnderstand', false],
  ])('%s is retryable: %s', (faultCode, retryable) => {
    expect(classifySoapFault(faultCode, 'reason', 'xta').retryable).toBe(retryable);
  });
});
