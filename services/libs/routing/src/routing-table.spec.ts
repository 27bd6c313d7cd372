import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { RoutingTable, type Route } from './routing-table.js';

const dortmundBuildingPermit: Route = {
  serviceKey: '99010003001000',
  municipalityKey: '05913000',
  procedure: 'xbau',
  standard: 'XBAU',
  messageType: 'baugenehmigung.antrag.0200',
  reader: { dvdvId: 'bab:05913000', name: 'Bauaufsicht der Stadt Dortmund' },
  author: { dvdvId: 'bpt:05913000', name: 'Bauportal der Stadt' },
  versions: { '2024-01-01': '2.5', '2026-07-01': '2.6' },
  fee: { amount: '250.00', currency: 'EUR' },
  requiredFormFields: [],
  attachmentMediaTypes: [],
};

/** A routing table file of this test's own with `routes`. */
function tableFile(routes: readonly object[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'routing-table-'));
  onTestFinished(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const file = join(directory, 'routing-table.json');
  writeFileSync(file, JSON.stringify({ routes }));
  return file;
}

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

  it('reads the deployed table', () => {
    const deployed = RoutingTable.fromFile(
      join(import.meta.dirname, '../../../../deploy/config/routing-table.json'),
    );
    expect(deployed.find('99010003001000', '05913000')?.reader.dvdvId).toBe('bab:05913000');
    // Trinkwasseruntersuchung beantragen: the lab order of the health office in Dortmund.
    expect(deployed.find('99108016000000', '05913000')?.procedure).toBe('xwasser');
  });
});

describe('RoutingTable.fromFile refuses what no connector can deliver', () => {
  it.each([
    [
      { procedure: 'xpersonenstand', standard: 'XPERSONENSTAND' },
      'routes.0.procedure: no connector handles procedure "xpersonenstand" (known: xbau, xwasser)',
    ],
    [
      { standard: 'XWASSER' },
      'routes.0.standard: the xbau connector does not speak XWASSER (it speaks XBAU)',
    ],
    [{ author: { dvdvId: 'Bauportal', name: 'x' } }, 'routes.0.author.dvdvId: must be a DVDV id'],
    [{ reader: { dvdvId: 'bab:05913000', name: '' } }, 'routes.0.reader.name: '],
  ])('%o', (change, reason) => {
    const file = tableFile([{ ...dortmundBuildingPermit, ...change }]);
    expect(() => RoutingTable.fromFile(file)).toThrow(
      expect.objectContaining({
        code: 'ROUTING_TABLE_INVALID',
        message: expect.stringContaining(`invalid at ${reason}`) as string,
      }) as Error,
    );
  });

  it('accepts a kind of another catalogue: which kinds exist is data', () => {
    const file = tableFile([
      { ...dortmundBuildingPermit, procedure: 'xpersonenstand', standard: 'XPERSONENSTAND' },
    ]);
    const kinds = [
      {
        kind: 'xpersonenstand',
        standards: ['XPERSONENSTAND'],
        deliveryTopic: 'procedure.delivery-requested.v1',
      },
    ] as const;
    expect(RoutingTable.fromFile(file, kinds).find('99010003001000', '05913000')?.procedure).toBe(
      'xpersonenstand',
    );
  });
});
