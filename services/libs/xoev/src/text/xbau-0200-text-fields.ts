import type { XbauTextType, XbauTextVersion } from './xbau-text-types.js';

/**
 * Where the XBau connector's 0200 mapping (services/xbau-connector/src/map/) puts each text of a
 * portal application, and the XSD type of that element. Addressed as in the portal request and in
 * the event's `application` (same shape): a JSON pointer, `*` for every array item, or a form
 * field key. The property test in the connector proves the table against the mapping itself.
 */
export interface XbauTextField {
  readonly at: { readonly pointer: string } | { readonly formField: string };
  /** Element path in the 0200, for people; the check uses `types`. */
  readonly element: string;
  readonly singleLine: boolean;
  readonly types: Readonly<Record<XbauTextVersion, readonly XbauTextType[]>>;
}

const both = (...types: XbauTextType[]) => ({ '2.5': types, '2.6': types });
const name = (pointer: string, element: string): XbauTextField => ({
  at: { pointer },
  element,
  singleLine: true,
  types: both('din91379:datatypeC'),
});
const formText = (formField: string, element: string, singleLine = true): XbauTextField => ({
  at: { formField },
  element,
  singleLine,
  types: both('din91379:datatypeC'),
});
const formToken = (formField: string, element: string): XbauTextField => ({
  at: { formField },
  element,
  singleLine: true,
  types: both('xs:token'),
});

const person = 'antragsteller/natuerlichePerson';
const parcel = 'xbau:flurstueck/kodierungFlurstueck';
const site = 'xbau:grundstueck/xbau:anschrift';

export const xbau0200TextFields: readonly XbauTextField[] = [
  name('/applicant/givenName', `${person}/name/vorname/name`),
  name('/applicant/familyName', `${person}/name/familienname/name`),
  name('/applicant/address/street', `${person}/anschrift/strasse`),
  name('/applicant/address/houseNumber', `${person}/anschrift/hausnummer`),
  name('/applicant/address/postalCode', `${person}/anschrift/postleitzahl`),
  name('/applicant/address/city', `${person}/anschrift/ort`),
  name('/applicant/email', `${person}/kommunikation/kennung`),
  name('/applicant/phone', `${person}/kommunikation/kennung`),
  {
    at: { pointer: '/attachments/*/fileName' },
    element: 'anlagen/anlage/bezeichnung; 2.6 also …/verlinkung/dateiname',
    singleLine: true,
    types: { '2.5': ['din91379:datatypeD'], '2.6': ['din91379:datatypeD', 'xbauk:Dateiname'] },
  },
  {
    at: { pointer: '/attachments/*/storageUri' },
    element: 'anlagen/anlage/anhangOderVerlinkung/…/uriVerlinkung',
    singleLine: true,
    types: both('xs:anyURI'),
  },
  formText('bauvorhaben.bezeichnung', 'xbau:bauvorhaben/xbau:bezeichnungDesBauvorhabens'),
  formText('bauvorhaben.beschreibung', 'xbau:bauvorhaben/xbau:weitereAngaben', false),
  {
    at: { formField: 'bauvorhaben.massnahme' },
    element: 'xbau:gegenstand/xbau:artDerMassnahme/code',
    singleLine: true,
    types: both('xbau:Codelist.BaumassnahmeArt'),
  },
  formToken('baugrundstueck.gemarkung', `${parcel}/gemarkung/nummer`),
  formToken('baugrundstueck.flur', `${parcel}/flur`),
  formToken('baugrundstueck.flurstueck.zaehler', `${parcel}/zaehler`),
  formToken('baugrundstueck.flurstueck.nenner', `${parcel}/nenner`),
  formText('baugrundstueck.strasse', `${site}/strasse`),
  formText('baugrundstueck.hausnummer', `${site}/hausnummer`),
  formText('baugrundstueck.postleitzahl', `${site}/postleitzahl`),
  formText('baugrundstueck.ort', `${site}/ort`),
];
