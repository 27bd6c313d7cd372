// Generated from contracts/schemas/portal/application-submitted.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Money } from '../common/money.js';

/**
 * A citizen submitted an application in the portal; the start of every case.
 */
export interface ApplicationSubmitted {
  /**
   * The application's id, assigned by the portal; the Kafka key of every event of this case.
   */
  readonly applicationId: string;
  /**
   * When the citizen submitted the application (UTC).
   */
  readonly submittedAt: Date;
  /**
   * The LeiKa service key (Leistungsschlüssel, 14 digits) of the requested administrative service.
   */
  readonly serviceKey: string;
  /**
   * The AGS (Amtlicher Gemeindeschlüssel, 8 digits) of the responsible municipality.
   */
  readonly municipalityKey: string;
  /**
   * Pseudonymous reference to the citizen's portal account (postbox id); pseudonymous data is still personal data.
   * @personalData
   */
  readonly citizenAccountRef: string;
  /**
   * Id and version of the portal form the data was entered in, e.g. bauantrag-nrw@2024-01.
   */
  readonly formId: string;
  /**
   * The applicant's personal data, kept in one record so it can be found, masked and erased together.
   */
  readonly applicant: Applicant;
  /**
   * The form data as structured fields, in form order.
   */
  readonly formFields: readonly FormField[];
  /**
   * Attachments by reference.
   */
  readonly attachments: readonly Attachment[];
  /**
   * The fee due before the application is processed; null when the service is free of charge.
   */
  readonly fee: null | Money;
  /**
   * Where the application came in: the hub's portal API or FIT-Connect (an EfA online service).
   */
  readonly channel: SubmissionChannel;
  /**
   * The id the sending system knows the application by (FIT-Connect: the submission id); null from the portal.
   */
  readonly externalReference: null | string;
}

/**
 * The person who applies; every field is personal data.
 */
export interface Applicant {
  /**
   * Given name(s).
   * @personalData
   */
  readonly givenName: string;
  /**
   * Family name.
   * @personalData
   */
  readonly familyName: string;
  /**
   * Date of birth, where the service needs it.
   * @personalData
   */
  readonly birthDate: null | string;
  /**
   * E-mail address for notices outside the portal postbox.
   * @personalData
   */
  readonly email: null | string;
  /**
   * Telephone number for questions from the authority.
   * @personalData
   */
  readonly phone: null | string;
  /**
   * Postal address of the applicant.
   */
  readonly address: PostalAddress;
}

/**
 * A postal address in Germany or abroad.
 */
export interface PostalAddress {
  /**
   * Street name.
   * @personalData
   */
  readonly street: string;
  /**
   * House number with any suffix, e.g. 12a.
   * @personalData
   */
  readonly houseNumber: string;
  /**
   * Postal code.
   * @personalData
   */
  readonly postalCode: string;
  /**
   * City.
   * @personalData
   */
  readonly city: string;
  /**
   * ISO 3166-1 alpha-2 country code.
   */
  readonly countryCode: string;
}

/**
 * One answer in the form.
 */
export interface FormField {
  /**
   * Stable id of the form field, dotted by section, e.g. bauvorhaben.bezeichnung.
   */
  readonly key: string;
  /**
   * The answer; null when the field was left empty.
   * @personalData
   */
  readonly value: null | string | boolean | number;
}

/**
 * A file uploaded with the application, passed by reference (the bytes stay in the document store).
 */
export interface Attachment {
  /**
   * Id of the upload.
   */
  readonly attachmentId: string;
  /**
   * File name as uploaded; may name people.
   * @personalData
   */
  readonly fileName: string;
  /**
   * IANA media type, e.g. application/pdf.
   */
  readonly mediaType: string;
  /**
   * Size of the file in bytes.
   */
  readonly sizeBytes: number;
  /**
   * SHA-256 of the file content, 64 lower-case hex digits; receivers verify it.
   */
  readonly sha256: string;
  /**
   * Where the document store keeps the file.
   */
  readonly storageUri: string;
}

/**
 * The door the application came through.
 */
export type SubmissionChannel = 'PORTAL' | 'FIT_CONNECT';
