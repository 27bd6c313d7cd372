import { createHash, randomUUID } from 'node:crypto';
import { XoevValidator } from '@hub/xoev';
import { afterAll, describe, expect, it } from 'vitest';
import { permitNotice } from './permit-notice.js';

const validator = new XoevValidator();
afterAll(() => {
  validator.dispose();
});

const application = (xbauVersion: '2.5' | '2.6') => ({
  xbauVersion,
  nachrichtenUUID: randomUUID(),
  referenzAntragsservice: randomUUID(),
  author: { id: 'bpt:05913000', name: 'Bauportal Dortmund' },
  reader: { id: 'bab:05913000', name: 'Bauaufsicht Dortmund' },
});

describe('permitNotice (baugenehmigung.bescheid.0205)', () => {
  it.each(['2.5', '2.6'] as const)(
    'is valid XBau %s against the official XSDs, the Schematron rules and the code lists',
    async (version) => {
      const { xml } = permitNotice(application(version), 'BA-2026-0001', true, new Date());
      const result = await validator.validate(xml);
      expect(result.reasons).toEqual([]);
      expect(result.schemaSet).toBe(`XBau ${version}`);
      expect(result.messageName).toBe('baugenehmigung.bescheid.0205');
    },
  );

  it('names its attachment by cid, size and SHA-512, and says permit or refusal', () => {
    for (const granted of [true, false]) {
      const { xml, attachments } = permitNotice(application('2.6'), 'BA-7', granted, new Date());
      const [pdf] = attachments;
      expect(pdf?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const hash = createHash('sha512')
        .update(pdf?.bytes ?? '')
        .digest('hex');
      expect(xml).toContain(`filesize="${pdf?.bytes.length}" hashValue="${hash}"`);
      expect(xml).toContain(`<dokumentid>cid:${pdf?.id}</dokumentid>`);
      expect(xml).toContain(`<xbau:istGenehmigung>${String(granted)}</xbau:istGenehmigung>`);
    }
  });
});
