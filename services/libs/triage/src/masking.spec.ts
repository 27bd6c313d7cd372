import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './masking.js';

describe('maskPersonalData', () => {
  it.each([
    ['Bitte ruft mich an: 0171 2345678', 'Bitte ruft mich an: [TELEFON]', 'phone'],
    ['Tel. +49 228 77 33 11, danke', 'Tel. [TELEFON], danke', 'phone'],
    ['Rückruf unter 0228/773311', 'Rückruf unter [TELEFON]', 'phone'],
    ['Mail an erika.muster@web.de bitte', 'Mail an [E-MAIL] bitte', 'email'],
    [
      'Der Wagen BN-AB 123 parkt auf dem Gehweg',
      'Der Wagen [KENNZEICHEN] parkt auf dem Gehweg',
      'licencePlate',
    ],
    [
      'Auto K XY 1234E steht da seit Wochen',
      'Auto [KENNZEICHEN] steht da seit Wochen',
      'licencePlate',
    ],
    ['Herr Müller von nebenan hat es gesehen', 'Herr [NAME] von nebenan hat es gesehen', 'name'],
    ['Frau Schulze-Brandt wohnt gegenüber', 'Frau [NAME] wohnt gegenüber', 'name'],
    [
      'Hallo, mein Name ist Jonas Becker und die Lampe ist aus',
      'Hallo, mein Name ist [NAME] und die Lampe ist aus',
      'name',
    ],
    ['Laterne kaputt. Viele Grüße Anna Schmidt', 'Laterne kaputt. Viele Grüße [NAME]', 'name'],
  ] as const)('masks %j', (input, expected, kind) => {
    const result = maskPersonalData(input);
    expect(result.text).toBe(expected);
    expect(result.masked[kind]).toBe(1);
  });

  it('masks a signature in the middle of the text', () => {
    expect(maskPersonalData('Loch im Gehweg. Gruß Jonas Becker, Tel 0171 2345678').text).toBe(
      'Loch im Gehweg. Gruß [NAME], Tel [TELEFON]',
    );
  });

  it.each([
    'Ich bin Anwohner und die Laterne ist seit Tagen aus',
    'Viele Grüße aus der Nachbarschaft',
    'Mein Name ist egal, aber der Gully stinkt',
  ])('does not take a noun or a lower-case word for a name: %j', (text) => {
    expect(maskPersonalData(text).masked.name).toBe(0);
  });

  it('leaves a report without personal data as it is', () => {
    const text = 'Schlagloch auf der B 9 Höhe Hausnummer 12, ca. 30 cm tief, seit 2 Wochen';
    expect(maskPersonalData(text)).toEqual({
      text,
      masked: { email: 0, phone: 0, licencePlate: 0, name: 0 },
    });
  });

  it('masks several kinds in one text and reports counts, never values', () => {
    const result = maskPersonalData(
      'Frau Meier (0151 98765432, meier@example.org) sagt, der Transporter HH-Q 77 lädt hier Müll ab.',
    );
    expect(result.text).toBe(
      'Frau [NAME] ([TELEFON], [E-MAIL]) sagt, der Transporter [KENNZEICHEN] lädt hier Müll ab.',
    );
    expect(result.masked).toEqual({ email: 1, phone: 1, licencePlate: 1, name: 1 });
    expect(JSON.stringify(result.masked)).not.toContain('Meier');
  });
});
