import type { Applicant, PostalAddress } from './building-permit-application.js';
import { element, type XmlNode } from '@hub/xoev';

/**
 * xbauk:Akteur (unqualified): natuerlichePerson/{id, name/{titel, familienname/name,
 * vorname/name}, anschrift, kommunikation} | organisation/{id, name/name, anschrift, kommunikation}
 */
export function actor(applicant: Applicant): XmlNode {
  if (applicant.kind === 'person') {
    return element({
      natuerlichePerson: element({
        id: applicant.id,
        name: element({
          titel: applicant.title,
          familienname: element({ name: applicant.familyName }),
          vorname: element({ name: applicant.givenName }),
        }),
        anschrift: address(applicant.address),
        kommunikation: contacts(applicant.email, applicant.phone),
      }),
    });
  }
  return element({
    organisation: element({
      id: applicant.id,
      name: element({ name: applicant.name }),
      anschrift: address(applicant.address),
      kommunikation: contacts(applicant.email, undefined),
    }),
  });
}

/** xbauk:Anschrift: strasse, hausnummer, postleitzahl, ort (all unqualified). */
export function address(value: PostalAddress): XmlNode {
  return element({
    strasse: value.street,
    hausnummer: value.houseNumber,
    postleitzahl: value.postalCode,
    ort: value.city,
  });
}

/** xbauk:Kommunikation: kanal/code (urn:de:xoev:codeliste:erreichbarkeit), kennung. */
function contacts(email: string | undefined, phone: string | undefined): XmlNode[] | undefined {
  const channels = [
    email === undefined ? undefined : channel('01', email),
    phone === undefined ? undefined : channel('02', phone),
  ].filter((value): value is XmlNode => value !== undefined);
  return channels.length === 0 ? undefined : channels;
}

function channel(kind: string, id: string): XmlNode {
  return element({
    kanal: element({
      $: { listURI: 'urn:de:xoev:codeliste:erreichbarkeit', listVersionID: '4' },
      code: kind,
    }),
    kennung: id,
  });
}
