import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { paymentRequestIdFor } from './request-id.js';

describe('paymentRequestIdFor', () => {
  it('gives the same event the same requestId on every call', () => {
    const eventId = '0b7f6c1e-2f43-4a55-9b0a-3c2d1e0f9a88';
    expect(paymentRequestIdFor(eventId)).toBe(paymentRequestIdFor(eventId));
  });

  it('gives different events different requestIds', () => {
    expect(paymentRequestIdFor('event-a')).not.toBe(paymentRequestIdFor('event-b'));
  });

  it('is a name-based UUID (version 5), 36 characters as XBezahldienste allows', () => {
    const requestId = paymentRequestIdFor('event-a');
    expect(validate(requestId)).toBe(true);
    expect(version(requestId)).toBe(5);
    expect(requestId).toHaveLength(36);
  });

  it('is pinned: a changed namespace would create second transactions', () => {
    expect(paymentRequestIdFor('event-a')).toBe('2a8733cc-18ce-5bc7-99b5-f5ec232fe56a');
  });
});
