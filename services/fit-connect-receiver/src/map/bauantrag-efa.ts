/** The data of `urn:de:fim:s17000xxx:efa-bauantrag:1.0.0` once the pinned schema accepted it. */
export interface BauantragEfa {
  readonly antragsteller: {
    readonly vorname: string;
    readonly familienname: string;
    readonly geburtsdatum?: string;
    readonly email?: string;
    readonly telefon?: string;
    readonly anschrift: {
      readonly strasse: string;
      readonly hausnummer: string;
      readonly postleitzahl: string;
      readonly ort: string;
      readonly staat?: string;
    };
  };
  readonly postfachReferenz: string;
  readonly gemeindeschluessel: string;
  readonly bauvorhaben: {
    readonly bezeichnung: string;
    readonly massnahme: string;
    readonly geschosse?: number;
    readonly denkmalschutz?: boolean;
  };
  readonly baugrundstueck: { readonly gemarkung: string; readonly flurstueckZaehler: string };
}

/** `urn:de:fim:leika:leistung:99010003001000` → `99010003001000`; undefined for anything else. */
export function leikaKeyOf(identifier: string): string | undefined {
  return /^urn:de:fim:leika:leistung:(\d{14})$/.exec(identifier)?.[1];
}
