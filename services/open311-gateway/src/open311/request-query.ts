import { Open311Error } from './open311-error.js';
import type { RequestFilter } from '../requests/request-store.js';

const day = 24 * 60 * 60 * 1000;

/**
 * GeoReport v2 `GET requests` parameters: `service_request_id` (comma list; then the others are
 * ignored, as the specification says), `service_code`, `status` (open, closed), `start_date` and
 * `end_date` (W3C date-times). Without dates the last 90 days; at most 1000 requests.
 */
export function parseRequestQuery(query: Record<string, unknown>, now: Date): RequestFilter {
  const problems: string[] = [];
  const list = (name: string) => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${name}: a single comma-separated value`);
      return undefined;
    }
    return value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  };
  const date = (name: string) => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    const parsed = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(parsed.getTime())) problems.push(`${name}: not a W3C date-time`);
    return parsed;
  };
  const ids = list('service_request_id');
  const statuses = list('status');
  if (statuses?.some((status) => status !== 'open' && status !== 'closed'))
    problems.push('status: open, closed or both');
  const end = date('end_date');
  const start = date('start_date');
  if (problems.length > 0) throw new Open311Error(400, problems);
  if (ids) return { ids, from: new Date(0), to: new Date(8.64e15), limit: 1000 };
  const to = end ?? now;
  return {
    serviceCodes: list('service_code'),
    statuses,
    from: start ?? new Date(to.getTime() - 90 * day),
    to,
    limit: 1000,
  };
}
