import { describe, expect, it } from 'vitest';
import { geoReportRequestFields } from '../../test/georeport-v2-fields.js';
import type { ServiceRequest } from './service-request.js';
import { toOpen311Request } from './to-open311-request.js';

const at = new Date('2026-03-03T09:15:00.000Z');
const routed: ServiceRequest = {
  id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  state: 'routed',
  status: 'closed',
  statusNotes: 'Verfüllt.',
  serviceCode: 'strassenschaden',
  agency: 'Tiefbauamt',
  description: 'Schlagloch, [NAME] ist gestürzt',
  lat: 50.7,
  long: 7.1,
  address: null,
  mediaUrl: null,
  requestedAt: at,
  updatedAt: new Date('2026-03-04T10:00:00.000Z'),
  triage: {
    proposal: 'strassenschaden',
    confidence: 0.9,
    evidence: [{ word: 'schlagloch', weight: 3 }],
    ranking: [],
    reason: 'confident',
    decidedBy: 'CLASSIFIER',
  },
  duplicateOf: null,
};

describe('toOpen311Request', () => {
  it('has exactly the GeoReport v2 fields, with W3C date-times', () => {
    const request = toOpen311Request(routed);
    expect(Object.keys(request)).toEqual(geoReportRequestFields);
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: 'Verfüllt.',
      service_name: 'Straßenschaden',
      agency_responsible: 'Tiefbauamt',
      service_notice: 'Ihre Meldung ist an Tiefbauamt weitergeleitet.',
      requested_datetime: '2026-03-03T09:15:00.000Z',
      updated_datetime: '2026-03-04T10:00:00.000Z',
    });
  });

  it('tells the citizen a report waits for review, without a category or office yet', () => {
    const request = toOpen311Request({
      ...routed,
      state: 'review',
      serviceCode: null,
      agency: null,
    });
    expect(request).toMatchObject({
      service_code: null,
      service_name: null,
      agency_responsible: null,
    });
    expect(request.service_notice).toMatch(/wird geprüft/);
  });

  it('never shows the classifier’s internals to the public', () => {
    expect(JSON.stringify(toOpen311Request(routed))).not.toMatch(/confidence|evidence|schlagloch"/);
  });
});
