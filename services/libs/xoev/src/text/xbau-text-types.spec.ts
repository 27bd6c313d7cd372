import { describe, expect, it } from 'vitest';
import { checkText } from './check-text.js';
import { loadXbauTextTypes } from './xbau-text-types.js';
import { xsdPatternToRegExp } from './xsd-regex.js';

describe('XBau text types read from the official XSDs', () => {
  const types = loadXbauTextTypes();
  const datatypeC = types.get('2.6 din91379:datatypeC');
  const fileName = types.get('2.6 xbauk:Dateiname');

  it('finds DIN 91379 datatype C and D in both releases, Dateiname only in 2.6', () => {
    expect([...types.keys()].sort()).toEqual([
      '2.5 din91379:datatypeC',
      '2.5 din91379:datatypeD',
      '2.5 xbau:Codelist.BaumassnahmeArt',
      '2.6 din91379:datatypeC',
      '2.6 din91379:datatypeD',
      '2.6 xbau:Codelist.BaumassnahmeArt',
      '2.6 xbauk:Dateiname',
    ]);
  });

  it.each([
    ['Erika', true],
    ['Łukasz Müller-Lüdenscheidt', true],
    ['Ǖlkü Ḑ', true],
    ['Eri\u202Eka', false],
    ['Eri\u200Dka', false],
    ['Erika 😀', false],
    ['李', false],
    ['محمد', false],
    ['Eri\uFFFDka', false],
    ['e\u0301\u0301', false],
  ])('datatype C: %j accepted: %s', (value, accepted) => {
    const rule = { singleLine: true, types: datatypeC ? [datatypeC] : [] };
    expect(checkText(value.normalize('NFC'), rule) === undefined).toBe(accepted);
  });

  it('names the refused code points, never the value', () => {
    const rule = { singleLine: true, types: datatypeC ? [datatypeC] : [] };
    expect(checkText('Eri\u202Eka', rule)).toEqual({
      kind: 'outside-type',
      type: 'din91379:datatypeC',
      codePoints: ['U+202E'],
    });
    expect(checkText('Eri\u0000ka', rule)).toEqual({ kind: 'not-xml', codePoints: ['U+0000'] });
    expect(checkText('\uD800', rule)).toMatchObject({ kind: 'not-xml', codePoints: ['U+D800'] });
    expect(checkText('Eri\r\nka', rule)).toEqual({ kind: 'line-break' });
    expect(checkText('  ', rule)).toEqual({ kind: 'blank' });
  });

  it('reads the file-name pattern of XBau 2.6 with its escaped brackets', () => {
    const rule = { singleLine: true, types: fileName ? [fileName] : [] };
    expect(checkText('Lageplan [2] (neu).png', rule)).toBeUndefined();
    expect(checkText('../etc/passwd', rule)).toMatchObject({ kind: 'outside-type' });
    expect(checkText('lageplan', rule)).toMatchObject({ kind: 'outside-type' });
  });

  it('reads a code list inlined as enumeration facets', () => {
    expect(types.get('2.5 xbau:Codelist.BaumassnahmeArt')?.enumeration).toContain('10');
  });
});

describe('xsdPatternToRegExp', () => {
  it('anchors the pattern and keeps ^ and $ literal, as XSD does', () => {
    expect(xsdPatternToRegExp('a$b').test('a$b')).toBe(true);
    expect(xsdPatternToRegExp('ab').test('xaby')).toBe(false);
  });

  it('refuses constructs it cannot translate faithfully', () => {
    expect(() => xsdPatternToRegExp('\\i\\c*')).toThrow(/no faithful/);
    expect(() => xsdPatternToRegExp('[a-z-[aeiou]]')).toThrow(/class subtraction/);
    expect(() => xsdPatternToRegExp('\\p{IsBasicLatin}')).toThrow(/block escape/);
  });
});
