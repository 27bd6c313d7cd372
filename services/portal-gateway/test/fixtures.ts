/** A complete, valid building-permit application as the portal sends it (fictitious person). */
export function validApplication(): Record<string, unknown> {
  return {
    serviceKey: '99010003001000',
    municipalityKey: '05913000',
    citizenAccountRef: 'postbox-7f3a9c21',
    formId: 'bauantrag-nrw@2026-01',
    applicant: {
      givenName: 'Erika',
      familyName: 'Mustermann',
      birthDate: '1980-04-01',
      email: 'erika@example.org',
      address: { street: 'Friedensplatz', houseNumber: '1', postalCode: '44135', city: 'Dortmund' },
    },
    formFields: [
      { key: 'bauvorhaben.bezeichnung', value: 'Errichtung eines Carports' },
      { key: 'bauvorhaben.geschosse', value: 1 },
      { key: 'bauvorhaben.denkmalschutz', value: false },
      { key: 'bauvorhaben.massnahme', value: '10' },
      { key: 'baugrundstueck.gemarkung', value: 'Mitte' },
      { key: 'baugrundstueck.flurstueck.zaehler', value: '17' },
    ],
    attachments: [
      {
        attachmentId: '5b1e1f0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
        fileName: 'lageplan.png',
        mediaType: 'image/png',
        sizeBytes: 482_113,
        sha256: 'a3f5b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9',
        storageUri: 'dms://uploads/5b1e1f0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      },
    ],
    fee: { amount: '250.00', currency: 'EUR' },
  };
}
