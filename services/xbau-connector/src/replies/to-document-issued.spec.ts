import { createHash } from 'node:crypto';
import { documentContentMaxBytes } from '@hub/contracts';
import { parseXml } from '@hub/xoev';
import { describe, expect, it } from 'vitest';
import { noticePdf, reply0205 } from '../../test/reply-0205.js';
import { toDocumentsIssued } from './to-document-issued.js';

const applicationId = '0b9a3c9e-3f5b-4c1e-8f3a-6d2b1e7c9a10';
const replyUUID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const portal = 'bpt:05913000';
const authority = 'bab:05913000';
const pdf = noticePdf;
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');
const bescheid = (anhang?: string, istGenehmigung: 'true' | 'false' = 'true') =>
  reply0205(applicationId, { nachrichtenUUID: replyUUID, anhang, istGenehmigung });

const attachment = (bytes = pdf, id = 'doc-1') => ({
  id,
  filename: 'baugenehmigung.pdf',
  contentType: 'application/pdf',
  bytes,
});

describe('toDocumentsIssued (XBau 0205 Bescheid)', () => {
  it('turns the attached notice into a document event of its application, the same when read again', async () => {
    const read = async () => toDocumentsIssued(await parseXml(bescheid()), [attachment()], portal);
    const outcome = await read();
    expect(outcome).toEqual({
      kind: 'documents',
      events: [
        {
          applicationId,
          documentId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          issuedAt: new Date('2026-03-02T10:15:30.000Z'),
          kind: 'PERMIT_NOTICE',
          title: 'Baugenehmigung',
          fileName: 'baugenehmigung.pdf',
          mediaType: 'application/pdf',
          sizeBytes: pdf.length,
          sha512: sha512(pdf),
          content: pdf,
          caseNumber: 'BA-2026-0001',
          nachrichtenUUID: replyUUID,
          standardVersion: '2.6',
          authorityId: authority,
        },
      ],
    });
    expect(await read()).toEqual(outcome);
  });

  it('says a refusal when the tenor is not a permit', async () => {
    const outcome = toDocumentsIssued(
      await parseXml(bescheid(undefined, 'false')),
      [attachment()],
      portal,
    );
    expect(outcome).toMatchObject({ kind: 'documents', events: [{ kind: 'REFUSAL_NOTICE' }] });
  });

  it.each([
    [
      'an attachment that is not its hashValue',
      [attachment(Buffer.from('%PDF-forged'))],
      'XBAU_DOCUMENT_MISMATCH',
    ],
    ['a dokumentid that names no attachment', [attachment(pdf, 'other')], 'XBAU_DOCUMENT_MISSING'],
    ['no attachment at all', [], 'XBAU_DOCUMENT_MISSING'],
  ])('rejects %s with a reason', async (_, attachments, code) => {
    const outcome = toDocumentsIssued(await parseXml(bescheid()), attachments, portal);
    expect(outcome).toMatchObject({
      kind: 'rejected',
      code,
      reason: expect.any(String) as unknown,
    });
  });

  it('rejects a document larger than travels inline, and a Bescheid that only links', async () => {
    const large = Buffer.alloc(documentContentMaxBytes + 1);
    const anhang = `<anhang><dokumentid>cid:doc-1</dokumentid><dateiname>gross.pdf</dateiname></anhang>`;
    expect(
      toDocumentsIssued(await parseXml(bescheid(anhang)), [attachment(large)], portal),
    ).toMatchObject({ kind: 'rejected', code: 'XBAU_DOCUMENT_TOO_LARGE' });
    const linked =
      '<verlinkung><uriVerlinkung>https://bauamt.example/b.pdf</uriVerlinkung></verlinkung>';
    expect(
      toDocumentsIssued(await parseXml(bescheid(linked)), [attachment()], portal),
    ).toMatchObject({ kind: 'rejected', code: 'XBAU_DOCUMENT_MISSING' });
  });

  it('checks the head like every reply: addressed to the portal', async () => {
    const outcome = toDocumentsIssued(await parseXml(bescheid()), [attachment()], 'bpt:09162000');
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'XBAU_REPLY_WRONG_READER' });
  });
});
