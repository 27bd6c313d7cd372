import { createHash, randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';
import type { ReceivedApplication } from './authority-replies.js';

const builder = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' } });

/** A document that travels as an xta:Attachment beside the XÖV message that names it. */
export interface XtaAttachment {
  /** The attachment's id in the container; the XÖV message refers to it as `cid:<id>`. */
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** The XÖV message and its attachments, as the authority puts them into the box. */
export interface MessageWithAttachments {
  readonly xml: string;
  readonly attachments: readonly XtaAttachment[];
}

/**
 * XBau names "XBau MIME-Types" (urn:xoev-de:xbau:codeliste:xbau-mimetypes) for
 * Code.XBau-MimeType; the pinned textofficemimetypes list has no application/pdf. The list is not
 * pinned in contracts/xoev (so its codes are not checked); its version is assumed (ADR 0025).
 */
const mimeTypeList = { uri: 'urn:xoev-de:xbau:codeliste:xbau-mimetypes', version: '1.0' } as const;

const xbauRelease = {
  '2.5': { namespace: 'http://www.xleitstelle.de/xbau/2/5', messageCodeListVersion: '3.1' },
  '2.6': { namespace: 'http://www.xleitstelle.de/xbau/2/6', messageCodeListVersion: '4.0' },
} as const;

/**
 * baugenehmigung.bescheid.0205: the authority's decision on a 0200, sent to the portal that
 * submitted it. The notice itself (a small PDF) is an xta:Attachment of the same container;
 * xbau:anlagen/anlage/anhangOderVerlinkung/anhang names it:
 *   dokumentid = cid:<attachment id>, dateiname, @filesize, @hashValue (SHA-512, hex)
 * xbau:bescheid/tenor/istGenehmigung says whether it is a permit or a refusal.
 */
export function permitNotice(
  application: ReceivedApplication,
  vorgang: string,
  granted: boolean,
  now: Date,
): MessageWithAttachments {
  const release = xbauRelease[application.xbauVersion];
  const pdf = noticePdf(vorgang, granted);
  const attachment: XtaAttachment = {
    id: randomUUID(),
    filename: granted ? 'baugenehmigung.pdf' : 'ablehnungsbescheid.pdf',
    contentType: 'application/pdf',
    bytes: pdf,
  };
  const party = (id: string, name: string) => ({
    verzeichnisdienst: {
      $: { listURI: 'urn:xoev-de:kosit:codeliste:verzeichnisdienst', listVersionID: '2' },
      code: 'DVDV',
    },
    kennung: id,
    name,
  });
  const xml = builder.buildObject({
    'xbau:baugenehmigung.bescheid.0205': {
      $: {
        'xmlns:xbau': release.namespace,
        standard: 'XBau-Hochbau',
        version: application.xbauVersion,
        produkt: 'xta-simulator',
        produkthersteller: 'integration-hub',
      },
      'nachrichtenkopf.g2g': {
        'identifikation.nachricht': {
          nachrichtenUUID: randomUUID(),
          nachrichtentyp: {
            $: {
              listURI: 'urn:xoev-de:xbau:codeliste:xbau-nachrichten',
              listVersionID: release.messageCodeListVersion,
            },
            code: '0205',
          },
          erstellungszeitpunkt: now.toISOString(),
        },
        // The reply swaps the 0200's head: the portal reads, the authority writes.
        leser: party(application.author.id, application.author.name),
        autor: party(application.reader.id, application.reader.name),
      },
      'xbau:bezug': { referenz: application.referenzAntragsservice, vorgang },
      'xbau:bescheid': {
        'xbau:tenor': { 'xbau:istGenehmigung': String(granted) },
        'xbau:rechtshelfsbelehrung': {
          textabsatz:
            'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht erhoben werden.',
        },
      },
      'xbau:anlagen': {
        anlage: {
          bezeichnung: granted ? 'Baugenehmigung' : 'Ablehnungsbescheid',
          versionsnummer: '1',
          datum: now.toISOString().slice(0, 10),
          anlageart: {
            $: { listURI: 'urn:xoev-de:xbau:codeliste:anlagen', listVersionID: '3.0' },
            code: '0000',
          },
          mimeType: {
            $: { listURI: mimeTypeList.uri, listVersionID: mimeTypeList.version },
            code: attachment.contentType,
          },
          anhangOderVerlinkung: {
            anhang: {
              $: {
                filesize: String(pdf.length),
                hashValue: createHash('sha512').update(pdf).digest('hex'),
              },
              dokumentid: `cid:${attachment.id}`,
              dateiname: attachment.filename,
            },
          },
        },
      },
    },
  });
  return { xml, attachments: [attachment] };
}

/** A one-page PDF that says what was decided under which case number (no personal data). */
function noticePdf(vorgang: string, granted: boolean): Buffer {
  const line = `${granted ? 'Baugenehmigung' : 'Ablehnungsbescheid'} ${vorgang}`;
  const stream = `BT /F1 18 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
