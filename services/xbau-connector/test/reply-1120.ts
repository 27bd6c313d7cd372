import { randomUUID } from 'node:crypto';

/**
 * An XSD-valid XBau 1120 receipt (Kernmodul 1.3.0) as an authority sends it, with the head's
 * reader and author chosen by the test, so that forged and misaddressed replies can be built.
 */
export function reply1120(
  applicationId: string,
  head: { readonly reader?: string; readonly author?: string } = {},
  padding = '',
): string {
  const party = (id: string, name: string) => `
      <verzeichnisdienst listURI="urn:xoev-de:kosit:codeliste:verzeichnisdienst" listVersionID="2"><code>DVDV</code></verzeichnisdienst>
      <kennung>${id}</kennung>
      <name>${name}</name>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xbauk:prozessnachrichten.eingangsbestaetigung.1120 xmlns:xbauk="http://www.xleitstelle.de/xbau/kernmodul/1/3/0" standard="XBau-Kernmodul" version="1.3.0" produkt="test" produkthersteller="integration-hub">
  <nachrichtenkopf.g2g>
    <identifikation.nachricht>
      <nachrichtenUUID>${randomUUID()}</nachrichtenUUID>
      <nachrichtentyp><code>1120</code></nachrichtentyp>
      <erstellungszeitpunkt>${new Date().toISOString()}</erstellungszeitpunkt>
    </identifikation.nachricht>
    <leser>${party(head.reader ?? 'bpt:05913000', 'Bauportal der Stadt')}</leser>
    <autor>${party(head.author ?? 'bab:05913000', 'Bauaufsicht')}</autor>
  </nachrichtenkopf.g2g>
  <bezug><referenz>${applicationId}</referenz></bezug>${padding}
</xbauk:prozessnachrichten.eingangsbestaetigung.1120>`;
}
