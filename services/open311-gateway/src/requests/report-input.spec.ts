import { describe, expect, it } from 'vitest';
import { Open311Error } from '../open311/open311-error.js';
import { parseReportInput } from './report-input.js';

function problemsOf(body: Record<string, unknown>): string[] {
  try {
    parseReportInput(body);
    return [];
  } catch (error) {
    if (error instanceof Open311Error) return [...error.descriptions];
    throw error;
  }
}

describe('parseReportInput', () => {
  it('reads a report with coordinates, contact data and a wish to be told', () => {
    expect(
      parseReportInput({
        description: ' Laterne aus ',
        lat: '50.7374',
        long: '7.0982',
        email: 'a@example.org',
        notify: 'true',
      }),
    ).toEqual({
      serviceCode: undefined,
      description: 'Laterne aus',
      lat: 50.7374,
      long: 7.0982,
      address: null,
      mediaUrl: null,
      contact: { email: 'a@example.org', phone: null, firstName: null, lastName: null },
      notify: true,
    });
  });

  it('names every bad parameter at once, without echoing values', () => {
    const problems = problemsOf({
      service_code: 'schlagloch',
      lat: '91',
      media_url: 'file:///etc/passwd',
      email: 'not-an-address',
    });
    expect(problems).toEqual([
      'service_code: not a service of this endpoint',
      'description: required',
      'lat: a decimal number between -90 and 90',
      'location: one of lat & long, address_string or address_id is required',
      'media_url: must be an http(s) URL',
      'email: not an e-mail address',
    ]);
    expect(problems.join(' ')).not.toMatch(/passwd|not-an-address/);
  });

  it.each([
    [{ description: 'x', lat: '50.1' }, 'lat/long: give both or neither'],
    [
      { description: 'x', address_string: 'Markt 1', notify: 'true' },
      'notify: needs an email to send the notice to',
    ],
    [
      { description: 'x'.repeat(4001), address_string: 'Markt 1' },
      'description: longer than 4000 characters',
    ],
    [{ description: ['a', 'b'], address_string: 'Markt 1' }, 'description: must be a single value'],
  ])('refuses %j', (body, problem) => {
    expect(problemsOf(body)).toContain(problem);
  });
});
