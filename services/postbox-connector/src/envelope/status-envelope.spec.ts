import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { examples } from '@hub/contracts';
import { devAuthorPublicKey } from '@hub/test-support';
import { authorTokenProblem, sha512Hex, zbpEnvelopeSchema, zbpStatusContentSchema } from '@hub/zbp';
import { testAuthor as author } from '../../test/test-author.js';
import { statusEnvelope } from './status-envelope.js';

const event = examples['case/citizen-status-changed'];

describe('statusEnvelope', () => {
  it('is a valid status_v6 envelope, its checksum over the content and signed by the author', async () => {
    const messageId = randomUUID();
    const envelope = await statusEnvelope(event, 'mbx-1', messageId, author);
    expect(zbpEnvelopeSchema.parse(envelope)).toEqual(envelope);
    expect(envelope.sha512sum).toBe(sha512Hex(envelope.content));
    expect(zbpStatusContentSchema.parse(JSON.parse(envelope.content))).toMatchObject({
      reference: event.applicationId,
      status: event.state,
      statusText: event.statusText,
      sequence: event.sequence,
    });
    expect(
      await authorTokenProblem(devAuthorPublicKey(), envelope.authorToken, envelope),
    ).toBeNull();
    expect(envelope.storkQaaLevel).toBe('STORK-QAA-Level-3');
  });

  it('is the same message when sent again: same id, same content, same checksum', async () => {
    const messageId = randomUUID();
    const first = await statusEnvelope(event, 'mbx-1', messageId, author);
    const again = await statusEnvelope(event, 'mbx-1', messageId, author);
    expect({ ...again, authorToken: '' }).toEqual({ ...first, authorToken: '' });
  });
});
