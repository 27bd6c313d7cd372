import { randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';

const builder = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' } });

/** What the authority knows about a received 0200 when it answers. */
export interface ReceivedApplication {
  readonly xbauVersion: '2.5' | '2.6';
  readonly nachrichtenUUID: string;
  readonly referenzAntragsservice: string;
  /** DVDV ids and names as they were in the 0200 head; the reply swaps them. */
  readonly author: { readonly id: string; readonly name: string };
  readonly reader: { readonly id: string; readonly name: string };
}

export const kernmodul = {
  '2.5': { namespace: 'http://www.xleitstelle.de/xbau/kernmodul/1/2/2', version: '1.2.2' },
  '2.6': { namespace: 'http://www.xleitstelle.de/xbau/kernmodul/1/3/0', version: '1.3.0' },
} as const;

/** prozessnachrichten.eingangsbestaetigung.1120: the authority confirms receipt of the 0200. */
export function receipt(application: ReceivedApplication, now: Date): string {
  return processMessage(application, 'eingangsbestaetigung.1120', '1120', now, {});
}

/** prozessnachrichten.aktenzeichen.1121: bezug/vorgang carries the authority's case number. */
export function caseNumber(application: ReceivedApplication, vorgang: string, now: Date): string {
  return processMessage(application, 'aktenzeichen.1121', '1121', now, {}, vorgang);
}

/** prozessnachrichten.statusFuerAntragsportal.1170: statusAntragsportal/code (statusbauportal 3.0). */
export function portalStatus(
  application: ReceivedApplication,
  vorgang: string,
  status: string,
  now: Date,
): string {
  return processMessage(
    application,
    'statusFuerAntragsportal.1170',
    '1170',
    now,
    {
      statusAntragsportal: {
        $: { listURI: 'urn:xoev-de:xbau:codeliste:statusbauportal', listVersionID: '3.0' },
        code: status,
      },
    },
    vorgang,
  );
}

function processMessage(
  application: ReceivedApplication,
  name: string,
  code: string,
  now: Date,
  payload: object,
  vorgang?: string,
): string {
  const release = kernmodul[application.xbauVersion];
  const authority = (party: { id: string; name: string }) => ({
    verzeichnisdienst: {
      $: { listURI: 'urn:xoev-de:kosit:codeliste:verzeichnisdienst', listVersionID: '2' },
      code: 'DVDV',
    },
    kennung: party.id,
    name: party.name,
  });
  return builder.buildObject({
    [`xbauk:prozessnachrichten.${name}`]: {
      $: {
        'xmlns:xbauk': release.namespace,
        standard: 'XBau-Kernmodul',
        version: release.version,
        produkt: 'xta-simulator',
        produkthersteller: 'integration-hub',
      },
      'nachrichtenkopf.g2g': {
        'identifikation.nachricht': {
          nachrichtenUUID: randomUUID(),
          nachrichtentyp: { code },
          erstellungszeitpunkt: now.toISOString(),
        },
        leser: authority(application.author),
        autor: authority(application.reader),
      },
      bezug: { referenz: application.referenzAntragsservice, ...(vorgang ? { vorgang } : {}) },
      ...payload,
    },
  });
}
