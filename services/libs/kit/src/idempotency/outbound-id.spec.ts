import { describe, expect, it } from 'vitest';
import { outboundId } from './outbound-id.js';

const eventId = '0b9f8c1e-6a57-4a63-9d0e-6a9b6e1c2f10';

describe('outboundId', () => {
  it('is the same UUIDv5 for the same event, every time', () => {
    expect(outboundId(eventId)).toBe(outboundId(eventId));
    expect(outboundId(eventId)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('differs per purpose and per event', () => {
    expect(outboundId(eventId, 'xta.send')).not.toBe(outboundId(eventId, 'payment.create'));
    expect(outboundId(eventId)).not.toBe(outboundId('5d1a3f6e-0c2b-4e8d-9a7f-1b3c5d7e9f00'));
  });
});
