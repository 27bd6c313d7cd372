import type { ApplicationSubmitted } from '@hub/contracts';
import type { Route } from '@hub/routing';
import type { BauantragEfa } from './bauantrag-efa.js';

export interface StoredAttachment {
  readonly attachmentId: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly storageUri: string;
}

export interface AcceptedSubmission {
  readonly submissionId: string;
  readonly serviceKey: string;
  readonly schemaUri: string;
  readonly data: BauantragEfa;
  readonly attachments: readonly StoredAttachment[];
}

/**
 * An accepted FIT-Connect submission as the hub's `portal.application-submitted` event: the same
 * contract as the portal's, with channel FIT_CONNECT and the submission id as external reference,
 * so routing, payment, delivery and the timeline need no second path. PURE.
 */
export function toApplicationSubmitted(
  submission: AcceptedSubmission,
  route: Route,
  assigned: { readonly applicationId: string; readonly submittedAt: Date },
): ApplicationSubmitted {
  const { antragsteller, bauvorhaben, baugrundstueck } = submission.data;
  const { anschrift } = antragsteller;
  return {
    applicationId: assigned.applicationId,
    submittedAt: assigned.submittedAt,
    serviceKey: submission.serviceKey,
    municipalityKey: submission.data.gemeindeschluessel,
    citizenAccountRef: submission.data.postfachReferenz,
    formId: submission.schemaUri,
    applicant: {
      givenName: antragsteller.vorname.normalize('NFC').trim(),
      familyName: antragsteller.familienname.normalize('NFC').trim(),
      birthDate: antragsteller.geburtsdatum ?? null,
      email: antragsteller.email ?? null,
      phone: antragsteller.telefon ?? null,
      address: {
        street: anschrift.strasse.normalize('NFC').trim(),
        houseNumber: anschrift.hausnummer.trim(),
        postalCode: anschrift.postleitzahl.trim(),
        city: anschrift.ort.normalize('NFC').trim(),
        countryCode: anschrift.staat ?? 'DE',
      },
    },
    // The portal's field ids, so the route's requiredFormFields and the XBau mapping apply as is.
    formFields: [
      { key: 'bauvorhaben.bezeichnung', value: bauvorhaben.bezeichnung.normalize('NFC') },
      { key: 'bauvorhaben.massnahme', value: bauvorhaben.massnahme },
      ...(bauvorhaben.geschosse === undefined
        ? []
        : [{ key: 'bauvorhaben.geschosse', value: bauvorhaben.geschosse }]),
      ...(bauvorhaben.denkmalschutz === undefined
        ? []
        : [{ key: 'bauvorhaben.denkmalschutz', value: bauvorhaben.denkmalschutz }]),
      { key: 'baugrundstueck.gemarkung', value: baugrundstueck.gemarkung.normalize('NFC') },
      { key: 'baugrundstueck.flurstueck.zaehler', value: baugrundstueck.flurstueckZaehler },
    ],
    attachments: submission.attachments.map((attachment) => ({
      attachmentId: attachment.attachmentId,
      fileName: attachment.filename,
      mediaType: attachment.mimeType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storageUri: attachment.storageUri,
    })),
    // As at the portal: the fee is the route's, never the sender's.
    fee: route.fee ? { amount: route.fee.amount, currency: route.fee.currency } : null,
    channel: 'FIT_CONNECT',
    externalReference: submission.submissionId,
  };
}
