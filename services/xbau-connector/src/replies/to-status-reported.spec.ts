import { parseXml } from '@hub/xoev';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStatusTexts } from './status-texts.js';
import { toStatusReported, type StatusTexts } from './to-status-reported.js';

const applicationId = '0b9a3c9e-3f5b-4c1e-8f3a-6d2b1e7c9a10';
const replyUUID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

const portal = 'bpt:05913000';
const authority = 'bab:05913000';
const party = (id: string) =>
  `<verzeichnisdienst listURI="urn:xoev-de:kosit:codeliste:verzeichnisdienst" listVersionID="2"><code>DVDV</code></verzeichnisdienst><kennung>${id}</kennung><name>x</name>`;

/** A process message as the authority sends it (the shape of the XBau-Kernmodul 1.3.0 replies). */
function reply(
  name: string,
  code: string,
  body: string,
  version = '1.3.0',
  head = { reader: portal, author: authority },
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xbauk:prozessnachrichten.${name} xmlns:xbauk="http://www.xleitstelle.de/xbau/kernmodul/1/3/0" standard="XBau-Kernmodul" version="${version}">
  <nachrichtenkopf.g2g>
    <identifikation.nachricht>
      <nachrichtenUUID>${replyUUID}</nachrichtenUUID>
      <nachrichtentyp><code>${code}</code></nachrichtentyp>
      <erstellungszeitpunkt>2026-03-02T10:15:30.000Z</erstellungszeitpunkt>
    </identifikation.nachricht>
    ${head.reader ? `<leser>${party(head.reader)}</leser>` : ''}
    ${head.author ? `<autor>${party(head.author)}</autor>` : ''}
  </nachrichtenkopf.g2g>
  ${body}
</xbauk:prozessnachrichten.${name}>`;
}

const bezug = (vorgang = '') =>
  `<bezug><referenz>${applicationId}</referenz>${vorgang && `<vorgang>${vorgang}</vorgang>`}</bezug>`;
const portalStatus = (code: string) =>
  `<statusAntragsportal listURI="urn:xoev-de:xbau:codeliste:statusbauportal" listVersionID="3.0"><code>${code}</code></statusAntragsportal>`;

let texts: StatusTexts;
beforeAll(async () => {
  texts = await loadStatusTexts();
});

const expected = {
  applicationId,
  reportedAt: new Date('2026-03-02T10:15:30.000Z'),
  nachrichtenUUID: replyUUID,
  standardVersion: '2.6',
  authorityId: authority,
};

describe('toStatusReported', () => {
  it.each([
    [
      '1120 receipt',
      reply('eingangsbestaetigung.1120', '1120', bezug()),
      { statusCode: 'RECEIPT', statusText: 'Eingang des Antrags bestätigt', caseNumber: null },
    ],
    [
      '1121 case number',
      reply('aktenzeichen.1121', '1121', bezug('BA-2026-0001')),
      { statusCode: 'CASE_NUMBER', caseNumber: 'BA-2026-0001' },
    ],
    [
      '1170 status for the portal, worded by code list statusbauportal 3.0',
      reply('statusFuerAntragsportal.1170', '1170', bezug('BA-2026-0001') + portalStatus('17')),
      { statusCode: '17', statusText: 'Unterlagen nachgefordert', caseNumber: 'BA-2026-0001' },
    ],
    [
      '1180 generic receipt',
      reply(
        'generischeQuittierungEingang.1180',
        '1180',
        bezug() + '<nachrichtentyp><code>0200</code></nachrichtentyp>',
      ),
      { statusCode: 'GENERIC_RECEIPT' },
    ],
  ])('turns a %s into a status event of its application', async (_, xml, fields) => {
    const outcome = toStatusReported(await parseXml(xml), texts, portal);

    expect(outcome).toEqual({
      kind: 'status',
      event: expect.objectContaining({ ...expected, ...fields }) as unknown,
    });
  });

  it('reads the XBau release from the Kernmodul release of the reply (1.2.2 → 2.5)', async () => {
    const xml = reply('eingangsbestaetigung.1120', '1120', bezug(), '1.2.2');

    const outcome = toStatusReported(await parseXml(xml), texts, portal);

    expect(outcome).toMatchObject({ kind: 'status', event: { standardVersion: '2.5' } });
  });

  it.each([
    [
      'a message type it does not handle',
      reply('ruecknahme.1130', '1130', bezug()),
      'XBAU_REPLY_UNKNOWN',
    ],
    [
      'a status code outside the code list',
      reply('statusFuerAntragsportal.1170', '1170', bezug() + portalStatus('99')),
      'XBAU_REPLY_UNKNOWN',
    ],
    [
      'a reply without an application reference',
      reply('eingangsbestaetigung.1120', '1120', '<bezug><vorgang>BA-1</vorgang></bezug>'),
      'XBAU_REPLY_UNCORRELATED',
    ],
    [
      'a case-number message without a case number',
      reply('aktenzeichen.1121', '1121', bezug()),
      'XBAU_REPLY_INCOMPLETE',
    ],
    [
      'a reply addressed to another portal',
      reply('eingangsbestaetigung.1120', '1120', bezug(), '1.3.0', {
        reader: 'bpt:09162000',
        author: authority,
      }),
      'XBAU_REPLY_WRONG_READER',
    ],
    [
      'a reply without a reader',
      reply('eingangsbestaetigung.1120', '1120', bezug(), '1.3.0', {
        reader: '',
        author: authority,
      }),
      'XBAU_REPLY_WRONG_READER',
    ],
    [
      'a reply without an author',
      reply('eingangsbestaetigung.1120', '1120', bezug(), '1.3.0', { reader: portal, author: '' }),
      'XBAU_REPLY_NO_AUTHOR',
    ],
    [
      'a reply that claims the portal itself as author',
      reply('eingangsbestaetigung.1120', '1120', bezug(), '1.3.0', {
        reader: portal,
        author: portal,
      }),
      'XBAU_REPLY_NO_AUTHOR',
    ],
  ])('rejects %s with a reason', async (_, xml, code) => {
    const outcome = toStatusReported(await parseXml(xml), texts, portal);

    expect(outcome).toMatchObject({
      kind: 'rejected',
      code,
      reason: expect.any(String) as unknown,
    });
  });
});
