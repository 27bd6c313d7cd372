import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentNotices } from '@hub/citizen-notices';
import { examples } from '@hub/contracts';
import { devAuthorPublicKey } from '@hub/test-support';
import {
  authorTokenProblem,
  sha512Hex,
  zbpEnvelopeSchema,
  zbpMessageContentSchema,
} from '@hub/zbp';
import { testAuthor as author } from '../../test/test-author.js';
import { documentEnvelope } from './document-envelope.js';

const event = examples['procedure/document-issued'];

describe('documentEnvelope', () => {
  it('is a signed message_v6 with the document attached and described in the content', async () => {
    const envelope = await documentEnvelope(event, 'mbx-1', randomUUID(), author);
    expect(zbpEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope.schema).toMatch(/:message_v6$/);
    expect(envelope.title).toBe(documentNotices.PERMIT_NOTICE.title);
    const [attachment] = envelope.attachments ?? [];
    expect(Buffer.from(attachment?.data ?? '', 'base64')).toEqual(event.content);
    expect(attachment?.sha512sum).toBe(sha512Hex(event.content));
    expect(zbpMessageContentSchema.parse(JSON.parse(envelope.content))).toEqual({
      reference: event.applicationId,
      text: documentNotices.PERMIT_NOTICE.text,
      caseNumber: event.caseNumber,
      sentAt: event.issuedAt.toISOString(),
      attachments: [
        {
          filename: event.fileName,
          mimeType: event.mediaType,
          size: event.sizeBytes,
          sha512sum: event.sha512,
        },
      ],
    });
    expect(
      await authorTokenProblem(devAuthorPublicKey(), envelope.authorToken, envelope),
    ).toBeNull();
  });

  it('is the same message when sent again: same id, content, checksum and attachment', async () => {
    const messageId = randomUUID();
    const first = await documentEnvelope(event, 'mbx-1', messageId, author);
    const again = await documentEnvelope(event, 'mbx-1', messageId, author);
    expect({ ...again, authorToken: '' }).toEqual({ ...first, authorToken: '' });
  });
});
