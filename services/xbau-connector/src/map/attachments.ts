import type { AttachmentReference } from './building-permit-application.js';
import { codeLists, type XbauRelease } from './xbau-releases.js';
import { code, element, type XmlNode } from '@hub/xoev';

/**
 * xbau:anlagen/anlage (one per attachment; from here on unqualified, as in xbauk:MetadatenAnlage)
 *   bezeichnung, versionsnummer, datum, anlageart/code, mimeType/code,
 *   anhangOderVerlinkung/(uriVerlinkung | verlinkung/{uriVerlinkung, dateiname}), xbau:wirdNachgereicht
 */
export function attachments(
  references: readonly AttachmentReference[],
  release: XbauRelease,
): XmlNode {
  return element({ anlage: references.map((reference) => attachment(reference, release)) });
}

function attachment(reference: AttachmentReference, release: XbauRelease): XmlNode {
  return element({
    bezeichnung: reference.title,
    versionsnummer: String(reference.version),
    datum: reference.date,
    anlageart: code(reference.kindCode, codeLists.anlagen),
    mimeType: code(reference.mimeType, codeLists.mimeTypes),
    anhangOderVerlinkung:
      release.attachmentLink === 'verlinkung'
        ? element({
            verlinkung: element({ uriVerlinkung: reference.uri, dateiname: reference.fileName }),
          })
        : element({ uriVerlinkung: reference.uri }),
    // The one element MetadatenAnlageErweitert adds, declared in the qualified XBau schema.
    'xbau:wirdNachgereicht':
      reference.submittedLater === undefined ? undefined : String(reference.submittedLater),
  });
}
