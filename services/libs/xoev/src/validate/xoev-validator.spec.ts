import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { XoevValidator } from './xoev-validator.js';

// A known-good 0200 (a copy of one of the XBau connector's goldens, kept here so that this library
// depends on no service): validating it is this library's contract.
const golden = readFileSync(
  new URL(import.meta.resolve('@hub/xoev/testdata/valid-0200.xbau-2.6.xml')),
  'utf8',
);
const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});

describe('XoevValidator', () => {
  it('accepts a valid XBau 2.6 message and names the schema set it chose', async () => {
    const result = await validator.validate(golden);
    expect(result).toMatchObject({ valid: true, schemaSet: 'XBau 2.6', reasons: [] });
  });

  it('reports an XSD violation with line and message', async () => {
    const result = await validator.validate(golden.replace(/<vorname>[\s\S]*?<\/vorname>/, ''));
    expect(result.valid).toBe(false);
    expect(result.reasons[0]).toMatchObject({ source: 'xsd' });
    expect(result.reasons[0]?.line).toBeGreaterThan(1);
    expect(result.reasons[0]?.message).toMatch(/vorname/);
  });

  it('reports a code missing from its pinned code list', async () => {
    const result = await validator.validate(
      golden.replace('<code>0000</code>', '<code>0001</code>'),
    );
    expect(result.reasons).toEqual([
      expect.objectContaining({
        source: 'codelist',
        message: "code '0001' is not in urn:xoev-de:xbau:codeliste:anlagen version 3.0",
      }),
    ]);
  });

  it('reports a Schematron rule with its id', async () => {
    const result = await validator.validate(golden.replace('bab:05913000', 'BAB:05913000'));
    expect(result.reasons.map((reason) => reason.message)).toEqual([
      expect.stringMatching(/^sch-xbau-001: /),
    ]);
  });

  it('reports an element holding only whitespace (sch-xbau-gen-001) with where it is', async () => {
    const result = await validator.validate(
      golden.replace(/<name>[^<]*<\/name>/, '<name> </name>'),
    );
    expect(result.reasons).toEqual([
      {
        source: 'schematron',
        message: expect.stringMatching(/^sch-xbau-gen-001: Es dürfen keine Elemente/) as unknown,
        location: '/xbau:baugenehmigung.antrag.0200/nachrichtenkopf.g2g/leser/name',
      },
    ]);
  });

  it('refuses a version it has no schema set for, naming the versions the catalogue has', async () => {
    await expect(
      validator.validate(golden.replace('version="2.6"', 'version="2.7"')),
    ).rejects.toMatchObject({
      code: 'XOEV_UNKNOWN_SCHEMA',
      message: expect.stringMatching(/version '2\.7'.*only in version\(s\) 2\.6/) as unknown,
    });
  });

  it('refuses a standard the catalogue does not know, naming its namespace and the known ones', async () => {
    await expect(
      validator.validate('<x:antrag.0100 xmlns:x="urn:example:xunbekannt" version="1.0"/>'),
    ).rejects.toMatchObject({
      code: 'XOEV_UNKNOWN_SCHEMA',
      message: expect.stringMatching(
        /namespace 'urn:example:xunbekannt'.*known: .*XBau 2\.6.*XWasser 1\.0\.0/,
      ) as unknown,
    });
  });

  it('names the list and both versions when a listVersionID is not pinned', async () => {
    const result = await validator.validate(
      golden.replace(
        'codeliste:anlagen" listVersionID="3.0"',
        'codeliste:anlagen" listVersionID="2.0"',
      ),
    );
    expect(result.reasons).toEqual([
      expect.objectContaining({
        source: 'codelist',
        message:
          'code list urn:xoev-de:xbau:codeliste:anlagen is pinned in version 3.0, the message uses version 2.0',
      }),
    ]);
  });

  it('detects XWasser 1.0.0 by namespace and version and validates it with its imported base schemas offline', async () => {
    const statusRequest = readFileSync(
      new URL('../../testdata/xwasser/statusanfrage.2030.xml', import.meta.url),
      'utf8',
    );
    expect(await validator.validate(statusRequest)).toMatchObject({
      valid: true,
      standard: 'XWasser 1.0.0',
      messageName: 'vorgang.statusanfrage.2030',
    });
    const withoutCase = await validator.validate(
      statusRequest.replace(
        /<xwas:identifikationVorgang>[\s\S]*<\/xwas:identifikationVorgang>/,
        '',
      ),
    );
    expect(withoutCase.valid).toBe(false);
    expect(withoutCase.reasons[0]?.source).toBe('xsd');
  });

  it('throws XOEV_INVALID (fatal) from assertValid with every reason in the message', async () => {
    const invalid = golden.replace('<code>0000</code>', '<code>0001</code>');
    await expect(validator.assertValid(invalid)).rejects.toMatchObject({
      code: 'XOEV_INVALID',
      retryable: false,
      message: expect.stringContaining("code '0001'") as unknown,
    });
  });
});
