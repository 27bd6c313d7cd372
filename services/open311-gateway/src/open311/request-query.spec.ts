import { describe, expect, it } from 'vitest';
import { parseRequestQuery } from './request-query.js';

const now = new Date('2026-06-01T00:00:00.000Z');

describe('parseRequestQuery', () => {
  it('defaults to the last 90 days and at most 1000 requests', () => {
    expect(parseRequestQuery({}, now)).toEqual({
      serviceCodes: undefined,
      statuses: undefined,
      from: new Date('2026-03-03T00:00:00.000Z'),
      to: now,
      limit: 1000,
    });
  });

  it('reads comma lists and dates', () => {
    expect(
      parseRequestQuery(
        { service_code: 'kanal,muell', status: 'open', start_date: '2026-05-01T00:00:00Z' },
        now,
      ),
    ).toMatchObject({
      serviceCodes: ['kanal', 'muell'],
      statuses: ['open'],
      from: new Date('2026-05-01T00:00:00Z'),
    });
  });

  it('takes service_request_id alone, ignoring the other filters as the specification says', () => {
    expect(parseRequestQuery({ service_request_id: 'a,b', status: 'closed' }, now)).toMatchObject({
      ids: ['a', 'b'],
      limit: 1000,
    });
  });

  it('refuses a bad status and a bad date, naming the parameters', () => {
    expect(() => parseRequestQuery({ status: 'done', end_date: 'yesterday' }, now)).toThrow(
      /status: open, closed or both; end_date: not a W3C date-time/,
    );
  });
});
