import type { DeliveryRequested, FormField } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { outboundId } from '@hub/kit';
import type {
  AttachmentMimeType,
  AttachmentReference,
  BuildingPermitApplication,
  Parcel,
} from './building-permit-application.js';

/** The portal form fields the 0200 is built from (`FormField.key`, dotted by section). */
export const formFields = {
  title: 'bauvorhaben.bezeichnung',
  description: 'bauvorhaben.beschreibung',
  measureCode: 'bauvorhaben.massnahme',
  numberOfBuildings: 'bauvorhaben.anzahlGebaeude',
  district: 'baugrundstueck.gemarkung',
  field: 'baugrundstueck.flur',
  numerator: 'baugrundstueck.flurstueck.zaehler',
  denominator: 'baugrundstueck.flurstueck.nenner',
  siteStreet: 'baugrundstueck.strasse',
  siteHouseNumber: 'baugrundstueck.hausnummer',
  sitePostalCode: 'baugrundstueck.postleitzahl',
  siteCity: 'baugrundstueck.ort',
} as const;

const codableMimeTypes: readonly AttachmentMimeType[] = [
  'image/png',
  'image/jpeg',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** anlagen 3.0 '0000': "Vorlagen zur Bau-Antragstellung"; the portal does not say which kind. */
const attachmentKindOfPortalUploads = '0000';

/**
 * Pure: the application carried by a delivery request → the input of the 0200 mapping. Refuses
 * (fatal `XBAU_APPLICATION_INCOMPLETE`, naming field keys, never values) what XBau requires but
 * the form did not provide, instead of inventing it.
 */
export function fromDeliveryRequested(request: DeliveryRequested): BuildingPermitApplication {
  const { application } = request;
  const fields = new Fields(application.formFields);
  const address = application.applicant.address;
  const parcel: Parcel = {
    districtNumber: fields.required(formFields.district),
    numerator: fields.required(formFields.numerator),
    ...fields.optionalEntry('field', formFields.field),
    ...fields.optionalEntry('denominator', formFields.denominator),
  };
  const result: BuildingPermitApplication = {
    applicationId: application.applicationId,
    municipalityKey: application.municipalityKey,
    // The first two digits of the AGS are the Land.
    stateKey: application.municipalityKey.slice(0, 2),
    applicant: {
      kind: 'person',
      // Deterministic, so a redelivered request renders the same message.
      id: outboundId(application.applicationId, 'xbau-antragsteller'),
      givenName: application.applicant.givenName,
      familyName: application.applicant.familyName,
      address: {
        street: address.street,
        ...(address.houseNumber === '' ? {} : { houseNumber: address.houseNumber }),
        postalCode: address.postalCode,
        city: address.city,
      },
      ...(application.applicant.email === null ? {} : { email: application.applicant.email }),
      ...(application.applicant.phone === null ? {} : { phone: application.applicant.phone }),
    },
    buildingSite: { ...fields.siteAddress(), parcels: [parcel] },
    project: {
      title: fields.required(formFields.title),
      ...fields.optionalEntry('description', formFields.description),
      measureCode: fields.required(formFields.measureCode),
      numberOfBuildings: fields.count(formFields.numberOfBuildings),
    },
    attachments: attachmentsOf(request, fields),
  };
  fields.failIfMissing();
  return result;
}

function attachmentsOf(
  request: DeliveryRequested,
  fields: Fields,
): BuildingPermitApplication['attachments'] {
  const date = request.application.submittedAt.toISOString().slice(0, 10);
  const references = request.application.attachments.map(
    (attachment, index): AttachmentReference => {
      const mimeType = codableMimeTypes.find((type) => type === attachment.mediaType);
      if (!mimeType) fields.problem(`attachments[${index}].mediaType ${attachment.mediaType}`);
      return {
        title: attachment.fileName,
        kindCode: attachmentKindOfPortalUploads,
        mimeType: mimeType ?? 'image/png',
        uri: attachment.storageUri,
        fileName: attachment.fileName,
        version: 1,
        date,
      };
    },
  );
  const [first, ...rest] = references;
  if (!first) {
    fields.problem('attachments (XBau 0200 requires at least one)');
    return [placeholderNeverRendered];
  }
  return [first, ...rest];
}

const placeholderNeverRendered: AttachmentReference = {
  title: '',
  kindCode: attachmentKindOfPortalUploads,
  mimeType: 'image/png',
  uri: '',
  version: 1,
  date: '1970-01-01',
};

/** Reads form answers and collects what is missing, so one error names every gap. */
class Fields {
  private readonly problems: string[] = [];
  private readonly values: ReadonlyMap<string, string>;

  constructor(formFields: readonly FormField[]) {
    this.values = new Map(
      formFields
        .filter((field) => field.value !== null && String(field.value).trim() !== '')
        .map((field) => [field.key, String(field.value).trim()]),
    );
  }

  required(key: string): string {
    const value = this.values.get(key);
    if (value === undefined) this.problems.push(`${key} missing`);
    return value ?? '';
  }

  optionalEntry<K extends string>(name: K, key: string): Partial<Record<K, string>> {
    const value = this.values.get(key);
    return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
  }

  /** A positive whole number; a building permit is about at least one building. */
  count(key: string): number {
    const value = this.values.get(key);
    if (value === undefined) return 1;
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) this.problems.push(`${key} not a positive integer`);
    return count;
  }

  siteAddress(): { address?: BuildingPermitApplication['buildingSite']['address'] } {
    const street = this.values.get(formFields.siteStreet);
    const postalCode = this.values.get(formFields.sitePostalCode);
    const city = this.values.get(formFields.siteCity);
    if (street === undefined || postalCode === undefined || city === undefined) return {};
    const houseNumber = this.values.get(formFields.siteHouseNumber);
    return {
      address: { street, postalCode, city, ...(houseNumber === undefined ? {} : { houseNumber }) },
    };
  }

  problem(description: string): void {
    this.problems.push(description);
  }

  failIfMissing(): void {
    if (this.problems.length === 0) return;
    throw new HubError(
      'XBAU_APPLICATION_INCOMPLETE',
      `The application cannot become an XBau 0200: ${this.problems.join('; ')}`,
      { retryable: false },
    );
  }
}
