import { generateKeyPair, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { sha512Hex } from '@hub/zbp';
import {
  attachmentOf,
  authorPublicKey,
  messageEnvelope,
  statusEnvelope,
} from '../test/envelopes.js';
import { checkEnvelope } from './check-envelope.js';

const rules = {
  authorKey: authorPublicKey,
  acceptedQaaLevels: ['STORK-QAA-Level-3' as const, 'STORK-QAA-Level-4' as const],
};
const mailbox = 'mbx-1';

describe('checkEnvelope', () => {
  it('accepts a signed status envelope and parses its content', async () => {
    const check = await checkEnvelope(await statusEnvelope(mailbox), mailbox, rules);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.content).toMatchObject({ status: 'RECEIVED' });
  });

  it('names each missing or malformed field', async () => {
    const rest: Record<string, unknown> = {
      ...(await statusEnvelope(mailbox, { messageId: 'nope' })),
    };
    delete rest['sha512sum'];
    const check = await checkEnvelope({ ...rest, extra: 1 }, mailbox, rules);
    expect(check).toMatchObject({ ok: false, status: 422 });
    const paths = check.ok ? [] : check.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['messageId', 'sha512sum', '(body)']));
  });

  it('refuses content that does not match its checksum', async () => {
    const envelope = await statusEnvelope(mailbox);
    const check = await checkEnvelope(
      { ...envelope, content: envelope.content.replace('RECEIVED', 'COMPLETED') },
      mailbox,
      rules,
    );
    expect(check).toMatchObject({ ok: false, status: 422, problems: [{ path: 'sha512sum' }] });
  });

  it('refuses a level the postbox does not accept and another mailbox', async () => {
    const low = await checkEnvelope(
      await statusEnvelope(mailbox, { storkQaaLevel: 'STORK-QAA-Level-1' }),
      mailbox,
      rules,
    );
    expect(low).toMatchObject({ ok: false, problems: [{ path: 'storkQaaLevel' }] });
    const elsewhere = await checkEnvelope(await statusEnvelope(mailbox), 'mbx-2', rules);
    expect(elsewhere).toMatchObject({ ok: false, problems: [{ path: 'mailboxUuid' }] });
  });

  it('refuses status content outside the status vocabulary with its path', async () => {
    const content = JSON.stringify({ reference: 'r', status: 'DONE' });
    const check = await checkEnvelope(
      await statusEnvelope(mailbox, { content, sha512sum: sha512Hex(content) }),
      mailbox,
      rules,
    );
    expect(check).toMatchObject({ ok: false, status: 422 });
    expect(check.ok ? '' : check.problems[0]?.path).toMatch(/^content\./);
  });

  it('refuses a token by another key, or one the checksum was swapped under (401)', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const forged = await checkEnvelope(
      await statusEnvelope(mailbox, {}, await exportJWK(privateKey)),
      mailbox,
      rules,
    );
    expect(forged).toMatchObject({ ok: false, status: 401, problems: [{ path: 'authorToken' }] });
    const other = await statusEnvelope(mailbox);
    const swapped = await checkEnvelope(
      { ...(await statusEnvelope(mailbox)), authorToken: other.authorToken },
      mailbox,
      rules,
    );
    expect(swapped).toMatchObject({ ok: false, status: 401 });
  });

  describe('a message_v6 with a document', () => {
    const pdf = Buffer.from('%PDF-1.7\nBaugenehmigung BA-2026-0001\n%%EOF\n');

    it('is accepted when each attachment is the size and SHA-512 the signed content names', async () => {
      const check = await checkEnvelope(
        await messageEnvelope(mailbox, [attachmentOf(pdf)]),
        mailbox,
        rules,
      );
      expect(check).toMatchObject({ ok: true, content: { attachments: [{ size: pdf.length }] } });
    });

    it('refuses bytes that are not the SHA-512 or size they claim, naming the attachment', async () => {
      const swapped = { ...attachmentOf(pdf), data: Buffer.from('%PDF-forged').toString('base64') };
      const forged = await checkEnvelope(
        await messageEnvelope(mailbox, [{ ...swapped, size: 11 }]),
        mailbox,
        rules,
      );
      expect(forged).toMatchObject({
        ok: false,
        status: 422,
        problems: [{ path: 'attachments.0.sha512sum' }],
      });
      const short = await checkEnvelope(
        await messageEnvelope(mailbox, [{ ...attachmentOf(pdf), size: pdf.length + 1 }]),
        mailbox,
        rules,
      );
      expect(short).toMatchObject({ ok: false, problems: [{ path: 'attachments.0.size' }] });
    });

    it('refuses an attachment the signed content does not describe, or one on a status', async () => {
      const described = await messageEnvelope(mailbox, [attachmentOf(pdf)]);
      const added = await checkEnvelope(
        { ...described, attachments: [attachmentOf(pdf), attachmentOf(pdf, 'plan.pdf')] },
        mailbox,
        rules,
      );
      expect(added).toMatchObject({ ok: false, problems: [{ path: 'content.attachments' }] });
      const onStatus = await checkEnvelope(
        await statusEnvelope(mailbox, { attachments: [attachmentOf(pdf)] }),
        mailbox,
        rules,
      );
      expect(onStatus).toMatchObject({ ok: false, problems: [{ path: 'attachments' }] });
    });

    it('names malformed attachments: a path in the name, data that is not base64', async () => {
      const check = await checkEnvelope(
        await messageEnvelope(mailbox, [
          { ...attachmentOf(pdf, '../etc/passwd'), data: 'not base64!' },
        ]),
        mailbox,
        rules,
      );
      expect(check).toMatchObject({ ok: false, status: 422 });
      const paths = check.ok ? [] : check.problems.map((p) => p.path);
      expect(paths).toEqual(['attachments.0.filename', 'attachments.0.data']);
    });
  });
});
