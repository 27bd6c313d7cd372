/**
 * Personal data in a report's free text is replaced by a placeholder before the text leaves the
 * intake (Kafka, the office, the public API, the training data). Detection is by pattern, so it
 * errs on the side of masking: a masked street sign costs less than a leaked phone number.
 */
export type PersonalDataKind = 'email' | 'phone' | 'licencePlate' | 'name';

export interface MaskedText {
  readonly text: string;
  /** How many of each kind were masked; never the values. */
  readonly masked: Readonly<Record<PersonalDataKind, number>>;
}

const name = '[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?';
const fullName = `${name}(?:\\s+(?:von\\s+|van\\s+|de\\s+)?${name})?`;

const patterns: readonly (readonly [PersonalDataKind, RegExp, string])[] = [
  ['email', /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[a-z]{2,}/giu, '[E-MAIL]'],
  // +49 228 123456, 0228/77 33 11, 0171-1234567: a leading + or 0 and at least six more digits.
  ['phone', /(?:\+\d{2}|\b0)[\d\s/().-]{6,}\d/g, '[TELEFON]'],
  // German plates: district (1-3 letters), letters (1-2), digits (1-4), optional E/H.
  ['licencePlate', /\b[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?\d{1,4}[EH]?\b/g, '[KENNZEICHEN]'],
  // A salutation or an introduction is followed by a name.
  [
    'name',
    new RegExp(`\\b(Herr|Herrn|Frau|Hr\\.|Fr\\.|Familie|Nachbar|Nachbarin)\\s+${fullName}`, 'g'),
    '$1 [NAME]',
  ],
  [
    'name',
    // Case-sensitive on purpose: German nouns are capitalised, so the name pattern relies on
    // the phrase before it ("ich bin Anwohner" is no introduction and stays).
    new RegExp(`\\b([Ii]ch hei(?:ß|ss)e|[Mm]ein Name ist)\\s+${fullName}`, 'g'),
    '$1 [NAME]',
  ],
  // A signature after a closing greeting, at the end or followed by more (phone, address).
  [
    'name',
    new RegExp(
      `\\b((?:MfG|mfg|LG|VG|Gruß|Gruss|Grüße|Gruesse|[Vv]iele Grüße|[Ll]iebe Grüße|[Ff]reundliche Grüße|[Mm]it freundlichen Grüßen)[,.!]?)\\s+${fullName}`,
      'g',
    ),
    '$1 [NAME]',
  ],
];

export function maskPersonalData(text: string): MaskedText {
  const masked: Record<PersonalDataKind, number> = { email: 0, phone: 0, licencePlate: 0, name: 0 };
  let result = text;
  for (const [kind, pattern, replacement] of patterns)
    result = result.replace(pattern, (...match: string[]) => {
      masked[kind] += 1;
      return replacement.replace('$1', match[1] ?? '');
    });
  return { text: result, masked };
}
