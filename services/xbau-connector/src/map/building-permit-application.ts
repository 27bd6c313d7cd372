/** A postal address as the portal collects it. */
export interface PostalAddress {
  readonly street: string;
  readonly houseNumber?: string;
  readonly postalCode: string;
  readonly city: string;
}

/** The building owner (Bauherr): a natural person or an organisation. */
export type Applicant =
  | {
      readonly kind: 'person';
      /** Stable UUID of this person in the application; XBau links actors by it. */
      readonly id: string;
      readonly givenName: string;
      readonly familyName: string;
      readonly title?: string;
      readonly address: PostalAddress;
      readonly email?: string;
      readonly phone?: string;
    }
  | {
      readonly kind: 'organisation';
      readonly id: string;
      readonly name: string;
      readonly address: PostalAddress;
      readonly email?: string;
    };

/** One cadastral parcel (Flurstück) of the building site. */
export interface Parcel {
  /** Gemarkung number (Gemarkungsschlüssel) as the land registry gives it. */
  readonly districtNumber: string;
  readonly field?: string;
  readonly numerator: string;
  readonly denominator?: string;
}

/** The building site (Baugrundstück). */
export interface BuildingSite {
  readonly address?: PostalAddress;
  readonly parcels: readonly [Parcel, ...Parcel[]];
}

/** What is to be built (Vorhaben). */
export interface Project {
  readonly title: string;
  readonly description?: string;
  /** XBau code list baumassnahmeart 2.0, e.g. '10' new building. */
  readonly measureCode: string;
  readonly numberOfBuildings: number;
}

/** MIME types of the XBau code list textofficemimetypes 1.0, the one list XBau pins for this. */
export type AttachmentMimeType =
  | 'image/png'
  | 'image/jpeg'
  | 'application/vnd.oasis.opendocument.text'
  | 'application/vnd.oasis.opendocument.spreadsheet';

/** An attachment the authority fetches by reference; the message carries no file content. */
export interface AttachmentReference {
  readonly title: string;
  /** XBau code list anlagen 3.0, e.g. '1101' application form. */
  readonly kindCode: string;
  readonly mimeType: AttachmentMimeType;
  readonly uri: string;
  readonly fileName?: string;
  readonly version: number;
  /** Date of the document, YYYY-MM-DD. */
  readonly date: string;
  readonly submittedLater?: boolean;
}

/** The input of the 0200 mapping: one building-permit application as the hub knows it. */
export interface BuildingPermitApplication {
  /** UUID of the application; becomes `referenzAntragsservice`, which replies refer to. */
  readonly applicationId: string;
  /** Amtlicher Gemeindeschlüssel (8 digits) of the municipality of the building site. */
  readonly municipalityKey: string;
  /** Two-digit Land key of the building site (e.g. '05' North Rhine-Westphalia). */
  readonly stateKey: string;
  readonly applicant: Applicant;
  readonly buildingSite: BuildingSite;
  readonly project: Project;
  readonly attachments: readonly [AttachmentReference, ...AttachmentReference[]];
}

/** An authority or portal addressed via DVDV. */
export interface DvdvParty {
  /** DVDV id such as `bab:05913000`. */
  readonly id: string;
  readonly name: string;
}

/** Everything the mapping needs besides the application; supplied by the caller, never read. */
export interface MappingContext {
  /** XBau release the receiving authority accepts. */
  readonly xbauVersion: '2.5' | '2.6';
  /** RFC 4122 UUID, derived by the caller from the event id so that redelivery repeats it. */
  readonly nachrichtenUUID: string;
  readonly createdAt: Date;
  readonly author: DvdvParty;
  readonly reader: DvdvParty;
  readonly product: { readonly name: string; readonly vendor: string; readonly version: string };
}
