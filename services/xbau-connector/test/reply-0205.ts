import { createHash, randomUUID } from 'node:crypto';

/** The notice the test Bescheid names: a few PDF bytes. */
export const noticePdf = Buffer.from('%PDF-1.4\nBaugenehmigung BA-2026-0001\n%%EOF\n');

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');
const party = (id: string) =>
  `<verzeichnisdienst listURI="urn:xoev-de:kosit:codeliste:verzeichnisdienst" listVersionID="2"><code>DVDV</code></verzeichnisdienst><kennung>${id}</kennung><name>x</name>`;

/**
 * An XSD-valid XBau 2.6 0205 (Bescheid) as an authority sends it: the head, bezug, the tenor and
 * one anlage whose `anhang` names the xta:Attachment `cid:doc-1` (noticePdf) by size and SHA-512.
 */
export function reply0205(
  applicationId: string,
  options: {
    readonly nachrichtenUUID?: string;
    readonly reader?: string;
    readonly istGenehmigung?: 'true' | 'false';
    readonly anhang?: string;
  } = {},
): string {
  const anhang =
    options.anhang ??
    `<anhang filesize="${noticePdf.length}" hashValue="${sha512(noticePdf)}"><dokumentid>cid:doc-1</dokumentid><dateiname>baugenehmigung.pdf</dateiname></anhang>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xbau:baugenehmigung.bescheid.0205 xmlns:xbau="http://www.xleitstelle.de/xbau/2/6" standard="XBau-Hochbau" version="2.6" produkt="test" produkthersteller="integration-hub">
  <nachrichtenkopf.g2g>
    <identifikation.nachricht>
      <nachrichtenUUID>${options.nachrichtenUUID ?? randomUUID()}</nachrichtenUUID>
      <nachrichtentyp listURI="urn:xoev-de:xbau:codeliste:xbau-nachrichten" listVersionID="4.0"><code>0205</code></nachrichtentyp>
      <erstellungszeitpunkt>2026-03-02T10:15:30.000Z</erstellungszeitpunkt>
    </identifikation.nachricht>
    <leser>${party(options.reader ?? 'bpt:05913000')}</leser>
    <autor>${party('bab:05913000')}</autor>
  </nachrichtenkopf.g2g>
  <xbau:bezug><referenz>${applicationId}</referenz><vorgang>BA-2026-0001</vorgang></xbau:bezug>
  <xbau:bescheid>
    <xbau:tenor><xbau:istGenehmigung>${options.istGenehmigung ?? 'true'}</xbau:istGenehmigung></xbau:tenor>
    <xbau:rechtshelfsbelehrung><textabsatz>Klage binnen eines Monats.</textabsatz></xbau:rechtshelfsbelehrung>
  </xbau:bescheid>
  <xbau:anlagen>
    <anlage>
      <bezeichnung>Baugenehmigung</bezeichnung>
      <versionsnummer>1</versionsnummer>
      <datum>2026-03-02</datum>
      <anlageart listURI="urn:xoev-de:xbau:codeliste:anlagen" listVersionID="3.0"><code>0000</code></anlageart>
      <mimeType listURI="urn:xoev-de:xbau:codeliste:xbau-mimetypes" listVersionID="1.0"><code>application/pdf</code></mimeType>
      <anhangOderVerlinkung>${anhang}</anhangOderVerlinkung>
    </anlage>
  </xbau:anlagen>
</xbau:baugenehmigung.bescheid.0205>`;
}
