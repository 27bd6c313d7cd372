/** A building-permit application as the EfA online service sends it (fictitious person). */
export function bauantrag(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    antragsteller: {
      vorname: 'Erika',
      familienname: 'Mustermann',
      geburtsdatum: '1980-04-01',
      email: 'erika@example.org',
      anschrift: {
        strasse: 'Friedensplatz',
        hausnummer: '1',
        postleitzahl: '44135',
        ort: 'Dortmund',
      },
    },
    postfachReferenz: 'bundid-postbox-7f3a9c21',
    gemeindeschluessel: '05913000',
    bauvorhaben: { bezeichnung: 'Errichtung eines Carports', massnahme: '10', geschosse: 1 },
    baugrundstueck: { gemarkung: 'Mitte', flurstueckZaehler: '17' },
    ...overrides,
  };
}
