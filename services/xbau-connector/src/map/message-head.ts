import type { DvdvParty, MappingContext } from './building-permit-application.js';
import { codeLists, type XbauRelease } from './xbau-releases.js';
import { code, element, type XmlNode } from '@hub/xoev';

/**
 * nachrichtenkopf.g2g (unqualified, from the XÖV base message):
 *   identifikation.nachricht/{nachrichtenUUID, nachrichtentyp/code, erstellungszeitpunkt}
 *   leser/{verzeichnisdienst/code, kennung, name}, autor/{...}
 */
export function messageHead(
  context: MappingContext,
  release: XbauRelease,
  messageCode: string,
): XmlNode {
  return element({
    'identifikation.nachricht': element({
      nachrichtenUUID: context.nachrichtenUUID,
      nachrichtentyp: code(messageCode, {
        uri: 'urn:xoev-de:xbau:codeliste:xbau-nachrichten',
        version: release.messageCodeListVersion,
      }),
      erstellungszeitpunkt: context.createdAt.toISOString(),
    }),
    leser: dvdvAuthority(context.reader),
    autor: dvdvAuthority(context.author),
  });
}

function dvdvAuthority(party: DvdvParty): XmlNode {
  return element({
    verzeichnisdienst: code('DVDV', codeLists.verzeichnisdienst),
    kennung: party.id,
    name: party.name,
  });
}
