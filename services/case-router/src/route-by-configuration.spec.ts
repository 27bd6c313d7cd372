import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { RoutingTable } from '@hub/routing';
import { onSubmitted } from './case-decisions.js';
import { application, settings } from '../test/case-fixtures.js';

const deployedTable = join(import.meta.dirname, '../../../deploy/config/routing-table.json');

/** The deployed routing table plus `route`, in a file of this test's own. */
function deployedTablePlus(route: object): string {
  const directory = mkdtempSync(join(tmpdir(), 'routing-table-'));
  onTestFinished(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  const { routes } = JSON.parse(readFileSync(deployedTable, 'utf8')) as { routes: object[] };
  const file = join(directory, 'routing-table.json');
  writeFileSync(file, JSON.stringify({ routes: [...routes, route] }));
  return file;
}

describe('a new route for a standard the hub already speaks', () => {
  it('given only a routing-table entry, when an application for it arrives, then it is delivered as the entry says', () => {
    const munich = {
      serviceKey: '99010003001000',
      municipalityKey: '09162000',
      procedure: 'xbau',
      standard: 'XBAU',
      messageType: 'baugenehmigung.antrag.0200',
      reader: { dvdvId: 'bab:09162000', name: 'Lokalbaukommission München' },
      author: { dvdvId: 'bpt:09162000', name: 'Bauportal München' },
      versions: { '2024-01-01': '2.5' },
      fee: null,
    };
    const table = RoutingTable.fromFile(deployedTablePlus(munich));
    const submitted = { ...application, municipalityKey: '09162000', fee: null };

    const decision = onSubmitted(submitted, table.find('99010003001000', '09162000'), settings);

    expect(decision.next.state).toBe('DELIVERY_REQUESTED');
    expect(decision.outgoing).toEqual([
      {
        topic: 'procedure.delivery-requested.v1',
        value: {
          applicationId: submitted.applicationId,
          requestedAt: settings.now,
          recipient: { authorityId: 'bab:09162000', name: 'Lokalbaukommission München' },
          author: { authorityId: 'bpt:09162000', name: 'Bauportal München' },
          standard: 'XBAU',
          standardVersion: '2.5',
          messageType: 'baugenehmigung.antrag.0200',
          application: submitted,
        },
      },
    ]);
  });
});
