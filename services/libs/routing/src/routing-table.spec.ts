import { describe, expect, it } from 'vitest';
import { RoutingTable, type Route } from './routing-table.js';

const dortmundBuildingPermit: Route = {
  serviceKey: '99010003001000',
  municipalityKey: '05913000',
  procedure: 'xbau',
  authorityDvdvId: 'bab:05913000',
  standard: 'XBAU',
  versions: { '2024-01-01': '2.5', '2026-07-01': '2.6' },
  fee: { amount: '250.00', currency: 'EUR' },
  requiredFormFields: [],
  attachmentMediaTypes: [],
};

describe('RoutingTable', () => {
  const table = new RoutingTable([dortmundBuildingPermit]);

  it('finds the route by service key and municipality key', () => {
    expect(table.find('99010003001000', '05913000')).toBe(dortmundBuildingPermit);
    expect(table.find('99010003001000', '05315000')).toBeUndefined();
  });

  it.each([
    ['2025-12-31', '2.5'],
    ['2026-07-01', '2.6'],
    ['2027-03-15', '2.6'],
    ['2023-12-31', undefined],
  ])('applies the XÖV version switched over on or before %s: %s', (day, version) => {
    expect(RoutingTable.versionOn(dortmundBuildingPermit, new Date(`${day}T12:00:00Z`))).toBe(
      version,
    );
  });
});
