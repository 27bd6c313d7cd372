import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { documentNotices } from '@hub/citizen-notices';
import { examples, topics } from '@hub/contracts';
import { deadLetterHeaders, deadLetterTopic } from '@hub/kit';
import { collectFrom, eventually, testKafka } from '@hub/test-support';
import { sha512Hex } from '@hub/zbp';
import {
  deleteTopic,
  postboxSimulator,
  publisher,
  startConnector,
  testTopics,
} from './connector-under-test.js';

describe('the postbox connector: documents to the citizen’s mailbox', () => {
  it('puts the permit notice in the mailbox once, with its hash; a document that is not its hash is dead-lettered', async () => {
    const kafka = testKafka();
    const postbox = await postboxSimulator();
    const renamed = await testTopics();
    const service = `postbox-${randomUUID().slice(0, 8)}`;
    const running = await startConnector({ service, topics: renamed, postboxUrl: postbox.url });
    onTestFinished(() => running.stop());
    const dlq = deadLetterTopic(`${service}.document-issued`);
    const { received: deadLetters } = await collectFrom(kafka, dlq);
    onTestFinished(() => deleteTopic(kafka, dlq));
    const publish = await publisher();

    const applicationId = randomUUID();
    const mailbox = `postbox-${randomUUID()}`;
    const forged = randomUUID();
    for (const [id, ref] of [
      [applicationId, mailbox],
      [forged, `postbox-${randomUUID()}`],
    ] as const)
      await publish(
        renamed[topics.applicationSubmitted.name] as string,
        'portal/application-submitted',
        id,
        { ...examples['portal/application-submitted'], applicationId: id, citizenAccountRef: ref },
      );
    const pdf = Buffer.from(`%PDF-1.4\n${randomBytes(2_000).toString('hex')}\n%%EOF\n`);
    const document = {
      ...examples['procedure/document-issued'],
      applicationId,
      documentId: randomUUID(),
      content: pdf,
      sizeBytes: pdf.length,
      sha512: sha512Hex(pdf),
    };
    const documents = renamed[topics.documentIssued.name] as string;
    // The same event twice (a redelivery): one message.
    for (let copy = 0; copy < 2; copy += 1)
      await publish(documents, 'procedure/document-issued', applicationId, document, {
        eventId: document.documentId,
      });
    // The bytes are not the hash the event names: the postbox refuses it (422), not retried.
    await publish(documents, 'procedure/document-issued', forged, {
      ...document,
      applicationId: forged,
      documentId: randomUUID(),
      sha512: sha512Hex(Buffer.from('another document')),
    });

    const [letter] = await eventually(() => (deadLetters.length > 0 ? deadLetters : undefined), {
      timeoutMs: 45_000,
      what: 'the forged document in the dead letters',
    });
    expect(String(letter?.message.key)).toBe(forged);
    expect(String(letter?.message.headers?.[deadLetterHeaders.errorCode])).toBe('HTTP_422');
    const [message] = await eventually(
      () => {
        const got = postbox.store.received(mailbox);
        return got.length > 0 ? got : undefined;
      },
      { timeoutMs: 45_000, what: 'the permit notice in the mailbox' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(postbox.store.received(mailbox)).toHaveLength(1);
    expect(message).toMatchObject({
      schema: expect.stringMatching(/:message_v6$/) as unknown,
      title: documentNotices.PERMIT_NOTICE.title,
      storkQaaLevel: 'STORK-QAA-Level-3',
      attachments: [
        {
          filename: document.fileName,
          mimeType: 'application/pdf',
          size: pdf.length,
          sha512sum: sha512Hex(pdf),
        },
      ],
      content: { reference: applicationId, text: documentNotices.PERMIT_NOTICE.text },
    });
    expect(deadLetters).toHaveLength(1);
  }, 90_000);
});
