import { randomUUID } from 'node:crypto';

/** A building-permit application the local routing table accepts (fictitious person). */
export function sampleApplication(citizenAccountRef: string): Record<string, unknown> {
  return {
    serviceKey: '99010003001000',
    municipalityKey: '05315000',
    citizenAccountRef,
    formId: 'bauantrag-nrw@2026-01',
    formFields: [
      { key: 'bauvorhaben.bezeichnung', value: 'Carport' },
      { key: 'bauvorhaben.massnahme', value: '10' },
      { key: 'baugrundstueck.gemarkung', value: 'Altstadt-Nord' },
      { key: 'baugrundstueck.flurstueck.zaehler', value: '123' },
    ],
    attachments: [
      {
        attachmentId: randomUUID(),
        fileName: 'lageplan.png',
        mediaType: 'image/png',
        sizeBytes: 48_211,
        sha256: 'a3f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9',
        storageUri: 'dms://uploads/lageplan',
      },
    ],
    applicant: {
      givenName: 'Erika',
      familyName: 'Mustermann',
      address: { street: 'Domkloster', houseNumber: '4', postalCode: '50667', city: 'Köln' },
    },
  };
}
