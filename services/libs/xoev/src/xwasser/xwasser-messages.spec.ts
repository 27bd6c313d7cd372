import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXml } from '../xml/parse-xml.js';
import { XoevValidator } from '../validate/xoev-validator.js';
import { goldenCases, goldenPath } from './golden-cases.js';
import { parameterListVersions, readLabReport, readXwasserHead } from './read-xwasser.js';
import { sampleContext, sampleIssuer, sampleLabReport } from './sample-lab-report.js';
import { toTransportieren2010 } from './to-transportieren-2010.js';

const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});
const report = (): string => toTransportieren2010(sampleLabReport, sampleIssuer, sampleContext);

describe('XWasser 1.0.0 messages built by the hub', () => {
  it.each(goldenCases)(
    '$name matches its golden and is valid against the official XSDs',
    async (golden) => {
      const xml = golden.build();
      expect(`${xml}\n`).toBe(readFileSync(goldenPath(golden.file), 'utf8'));
      const result = await validator.validate(xml);
      expect(result.reasons).toEqual([]);
      expect(result).toMatchObject({
        valid: true,
        standard: 'XWasser 1.0.0',
        messageName: golden.name,
      });
    },
  );

  it('reads back from a 2010 the sample, parameters, values and units it was built from', async () => {
    const { rootName, root } = await parseXml(report());
    expect(readLabReport(root)).toEqual(sampleLabReport);
    expect(readXwasserHead(rootName, root)).toEqual({
      messageName: 'vorgang.transportieren.2010',
      nachrichtenUUID: sampleContext.nachrichtenUUID,
      author: sampleContext.author,
      reader: sampleContext.reader,
      caseId: sampleLabReport.caseId,
    });
    expect(parameterListVersions(root)).toEqual(['1']);
  });
});

describe('XWasser messages the validator refuses, one per class of error', () => {
  it('XSD: a Prüfbericht without its title names the element that is missing', async () => {
    const xml = report().replace(/<xwas:titel>[^<]*<\/xwas:titel>/, '');
    const result = await validator.validate(xml);
    expect(result.valid).toBe(false);
    expect(result.reasons[0]).toMatchObject({ source: 'xsd' });
    expect(result.reasons[0]?.message).toMatch(/gesamtbewertung.*not expected.*titel/s);
  });

  it('code-list version: a list version other than the one the XSD fixes is refused', async () => {
    const xml = report().replace(
      'listURI="urn:xoev-de:xwasser:codeliste:bewertung-untersuchungswert" listVersionID="1"',
      'listURI="urn:xoev-de:xwasser:codeliste:bewertung-untersuchungswert" listVersionID="2"',
    );
    const result = await validator.validate(xml);
    expect(result.valid).toBe(false);
    expect(result.reasons[0]?.message).toMatch(/listVersionID.*fixed value constraint/s);
  });

  it('unknown standard: another namespace or release is refused naming the known ones', async () => {
    await expect(
      validator.validate(report().replace('version="1.0.0"', 'version="1.1.0"')),
    ).rejects.toMatchObject({
      code: 'XOEV_UNKNOWN_SCHEMA',
    });
    await expect(validator.validate(report().replaceAll('/V1_0_0', '/V9_9_9'))).rejects.toThrow(
      /XWasser 1\.0\.0/,
    );
  });
});
