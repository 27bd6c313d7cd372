import { describe, expect, it } from 'vitest';
import { matches, viewOf } from './dead-letter-view.js';

const letter = viewOf({
  id: 'dlq.case-router.application-delivered:2:17',
  topic: 'dlq.case-router.application-delivered',
  key: Buffer.from('3f0c1e9a-0000-4000-8000-000000000001'),
  value: null,
  headers: {
    'event-id': 'e-1',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'dlq-error-code': 'CASE_UNKNOWN',
    'dlq-attempts': '5',
    'dlq-last-failure-at': '2026-01-01T10:00:00.000Z',
  },
});

describe('viewOf', () => {
  it('reads address, service, failure and trace from the dead letter', () => {
    expect(letter).toEqual({
      id: 'dlq.case-router.application-delivered:2:17',
      topic: 'dlq.case-router.application-delivered',
      partition: 2,
      offset: '17',
      key: '3f0c1e9a-0000-4000-8000-000000000001',
      service: 'case-router',
      code: 'CASE_UNKNOWN',
      attempts: '5',
      lastFailureAt: new Date('2026-01-01T10:00:00.000Z'),
      eventId: 'e-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });
});

describe('matches', () => {
  const now = new Date('2026-01-01T11:00:00.000Z');

  it('filters by code, service and age', () => {
    expect(matches({ code: 'CASE_UNKNOWN', service: 'case-router' }, letter, now)).toBe(true);
    expect(matches({ code: 'XTA_DOWN' }, letter, now)).toBe(false);
    expect(matches({ service: 'xbau-connector' }, letter, now)).toBe(false);
    expect(matches({ olderThanMinutes: 30 }, letter, now)).toBe(true);
    expect(matches({ olderThanMinutes: 90 }, letter, now)).toBe(false);
    expect(matches({ newerThanMinutes: 30 }, letter, now)).toBe(false);
  });

  it('lets everything through an empty filter', () => {
    expect(matches({}, letter, now)).toBe(true);
  });
});
