import { isCategory, type Category } from '@hub/triage';
import { Open311Error } from '../open311/open311-error.js';
import type { Contact } from './service-request.js';

/** A validated `POST requests` (GeoReport v2 parameters; `notify` is the hub's extension). */
export interface ReportInput {
  readonly serviceCode: Category | undefined;
  readonly description: string;
  readonly lat: number | null;
  readonly long: number | null;
  readonly address: string | null;
  readonly mediaUrl: string | null;
  readonly contact: Contact | null;
  readonly notify: boolean;
}

const maxDescription = 4000;

/**
 * Reads the form (or JSON) parameters and names every problem as `<parameter>: <reason>`, so a
 * client can fix all at once. Never echoes a value: it may be personal data.
 */
export function parseReportInput(body: Record<string, unknown>): ReportInput {
  const problems: string[] = [];
  const text = (name: string, max = 500): string | null => {
    const value = body[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push(`${name}: must be a single value`);
      return null;
    }
    const result = String(value).trim();
    if (result.length > max) problems.push(`${name}: longer than ${max} characters`);
    return result === '' ? null : result;
  };
  const code = text('service_code', 64);
  if (code !== null && !isCategory(code))
    problems.push('service_code: not a service of this endpoint');
  const description = text('description', maxDescription);
  if (description === null) problems.push('description: required');
  const lat = coordinate(text('lat', 32), 'lat', 90, problems);
  const long = coordinate(text('long', 32), 'long', 180, problems);
  if ((lat === null) !== (long === null)) problems.push('lat/long: give both or neither');
  const address = text('address_string');
  if (lat === null && long === null && address === null && text('address_id') === null)
    problems.push('location: one of lat & long, address_string or address_id is required');
  const mediaUrl = text('media_url', 2000);
  if (mediaUrl !== null && !/^https?:\/\/[^\s]+$/i.test(mediaUrl))
    problems.push('media_url: must be an http(s) URL');
  const email = text('email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push('email: not an e-mail address');
  const notify = text('notify', 5);
  if (notify !== null && notify !== 'true' && notify !== 'false')
    problems.push('notify: true or false');
  if (notify === 'true' && email === null)
    problems.push('notify: needs an email to send the notice to');
  const contact: Contact = {
    email,
    phone: text('phone', 40),
    firstName: text('first_name', 100),
    lastName: text('last_name', 100),
  };
  if (problems.length > 0) throw new Open311Error(400, problems);
  return {
    serviceCode: code !== null && isCategory(code) ? code : undefined,
    description: description ?? '',
    lat,
    long,
    address,
    mediaUrl,
    contact: Object.values(contact).some((value) => value !== null) ? contact : null,
    notify: notify === 'true',
  };
}

function coordinate(value: string | null, name: string, limit: number, problems: string[]) {
  if (value === null) return null;
  const number = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || Math.abs(number) > limit) {
    problems.push(`${name}: a decimal number between -${limit} and ${limit}`);
    return null;
  }
  return number;
}
