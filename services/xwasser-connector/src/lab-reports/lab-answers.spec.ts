import { XoevValidator, sampleContext, sampleLabReport, type XwasserHead } from '@hub/xoev';
import { afterAll, describe, expect, it } from 'vitest';
import { answersTo } from './lab-answers.js';
import type { LabMessage } from './read-lab-message.js';

const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});
const office = { id: 'gesundheitsamt:05315000', name: 'Gesundheitsamt Köln' };
const head: XwasserHead = {
  messageName: 'vorgang.transportieren.2010',
  nachrichtenUUID: sampleContext.nachrichtenUUID,
  author: sampleContext.author,
  reader: sampleContext.reader,
  caseId: sampleLabReport.caseId,
};
const now = new Date('2026-12-02T09:31:00Z');

describe('answersTo', () => {
  it.each<[string, LabMessage, string[]]>([
    [
      'a report',
      { kind: 'report', head, report: sampleLabReport },
      ['administration.quittung.0020'],
    ],
    [
      'a status request',
      { kind: 'status-request', head },
      ['administration.quittung.0020', 'vorgang.statusantwort.2040'],
    ],
    [
      'an invalid message',
      { kind: 'refuse', head, reason: 'xml', details: ['[xsd line 3] Element titel missing'] },
      ['administration.rueckweisung.0010'],
    ],
    ['a lab’s own Quittung', { kind: 'answer', head }, []],
  ])('answers %s with XSD-valid messages that refer to it', async (_, message, names) => {
    const answers = answersTo(message, office, now);
    expect(answers.map((answer) => answer.name)).toEqual(names);
    for (const answer of answers) {
      const result = await validator.validate(answer.xml);
      expect(result.reasons).toEqual([]);
      expect(answer.xml).toContain(`<referenzUUID>${head.nachrichtenUUID}</referenzUUID>`);
    }
  });

  it('gives the same message the same answers (their nachrichtenUUIDs derive from it)', () => {
    const message: LabMessage = { kind: 'report', head, report: sampleLabReport };
    expect(answersTo(message, office, now)).toEqual(answersTo(message, office, now));
  });
});
