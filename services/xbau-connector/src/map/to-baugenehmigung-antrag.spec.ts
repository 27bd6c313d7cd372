import { readFileSync } from 'node:fs';
import { XoevValidator } from '@hub/xoev';
import { afterAll, describe, expect, it } from 'vitest';
import { goldenCases, type GoldenCase } from './golden-cases.js';
import { toBaugenehmigungAntrag } from './to-baugenehmigung-antrag.js';

const validator = new XoevValidator();
const cases = goldenCases();

function caseNamed(prefix: string): GoldenCase {
  const found = cases.find((candidate) => candidate.name.startsWith(prefix));
  if (!found) throw new TypeError(`no golden case ${prefix}`);
  return found;
}
afterAll(() => {
  validator.dispose();
});

describe('toBaugenehmigungAntrag', () => {
  describe.each(cases)('$name', (golden) => {
    const xml = toBaugenehmigungAntrag(golden.application, golden.context);

    it('renders the golden file byte for byte', () => {
      expect(`${xml}\n`).toBe(readFileSync(golden.goldenFile, 'utf8'));
    });

    it('is valid against the official XSDs, the Schematron rules and the code lists', async () => {
      const result = await validator.validate(xml);
      expect(result.reasons).toEqual([]);
      expect(result.schemaSet).toBe(`XBau ${golden.context.xbauVersion}`);
      expect(result.messageName).toBe('baugenehmigung.antrag.0200');
    });
  });

  it('escapes markup in free text instead of letting it through', () => {
    const golden = caseNamed('umlauts-and-escaping (XBau 2.6)');
    const xml = toBaugenehmigungAntrag(golden.application, golden.context);
    expect(xml).toContain('Weiß &amp; Söhne &lt;"Müller"&gt;');
    expect(xml).not.toContain('<Süd>');
  });

  it('carries the nachrichtenUUID it is given, so a redelivery repeats the same message', () => {
    const golden = caseNamed('minimal (XBau 2.6)');
    const first = toBaugenehmigungAntrag(golden.application, golden.context);
    const second = toBaugenehmigungAntrag(golden.application, golden.context);
    expect(second).toBe(first);
    expect(first).toContain(`<nachrichtenUUID>${golden.context.nachrichtenUUID}</nachrichtenUUID>`);
  });

  it('produces a message the validator rejects when the DVDV id breaks rule sch-xbau-001', async () => {
    const golden = caseNamed('minimal (XBau 2.6)');
    const context = {
      ...golden.context,
      xbauVersion: '2.6' as const,
      reader: { id: 'BAB-05913000', name: 'x' },
    };
    const result = await validator.validate(toBaugenehmigungAntrag(golden.application, context));
    expect(result.valid).toBe(false);
    expect(result.reasons.map((reason) => reason.message).join()).toMatch(/^sch-xbau-001/);
  });
});
