import { categoryInfo } from '@hub/triage';
import type { ServiceRequest } from './service-request.js';

/** GeoReport v2 `GET requests`: the public view of a report. Contact data never appears. */
export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string | null;
  readonly service_name: string | null;
  readonly service_code: string | null;
  readonly description: string;
  readonly agency_responsible: string | null;
  readonly service_notice: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: null;
  readonly address: string | null;
  readonly address_id: null;
  readonly zipcode: null;
  readonly lat: number | null;
  readonly long: number | null;
  readonly media_url: string | null;
}

/** What the citizen is told about where the report stands. */
export function serviceNotice(request: ServiceRequest): string {
  if (request.state === 'review')
    return 'Ihre Meldung wird geprüft und dann an die zuständige Stelle weitergeleitet.';
  if (request.state === 'duplicate')
    return 'Dieser Mangel ist bereits gemeldet; Ihre Meldung ist mit der ersten verknüpft.';
  return `Ihre Meldung ist an ${request.agency ?? 'die zuständige Stelle'} weitergeleitet.`;
}

export function toOpen311Request(request: ServiceRequest): Open311Request {
  return {
    service_request_id: request.id,
    status: request.status,
    status_notes: request.statusNotes,
    service_name: request.serviceCode ? categoryInfo[request.serviceCode].name : null,
    service_code: request.serviceCode,
    description: request.description,
    agency_responsible: request.agency,
    service_notice: serviceNotice(request),
    requested_datetime: request.requestedAt.toISOString(),
    updated_datetime: request.updatedAt.toISOString(),
    expected_datetime: null,
    address: request.address,
    address_id: null,
    zipcode: null,
    lat: request.lat,
    long: request.long,
    media_url: request.mediaUrl,
  };
}
