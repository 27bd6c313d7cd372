import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { examples, topics } from '@hub/contracts';
import { deadLetterHeaders, deadLetterTopic } from '@hub/kit';
import { collectFrom, eventually, testKafka } from '@hub/test-support';
import {
  deleteTopic,
  postboxSimulator,
  publisher,
  startConnector,
  testTopics,
} from './connector-under-test.js';

describe('the postbox connector against the postbox simulator', () => {
  it('puts each status change in the citizen’s mailbox once: repeats, 503s and a refusal', async () => {
    const kafka = testKafka();
    const postbox = await postboxSimulator();
    const renamed = await testTopics();
    const submissions = renamed[topics.applicationSubmitted.name] as string;
    const changes = renamed[topics.citizenStatusChanged.name] as string;
    const service = `postbox-${randomUUID().slice(0, 8)}`;
    const running = await startConnector({ service, topics: renamed, postboxUrl: postbox.url });
    onTestFinished(() => running.stop());
    // The kit created the dead-letter topic at start; the collector reads it from the beginning.
    const dlq = deadLetterTopic(`${service}.citizen-status-changed`);
    const { received: deadLetters } = await collectFrom(kafka, dlq);
    onTestFinished(() => deleteTopic(kafka, dlq));
    const publish = await publisher();

    const applicationId = randomUUID();
    const mailbox = `postbox-${randomUUID()}`;
    const refused = randomUUID();
    for (const [id, ref] of [
      [applicationId, mailbox],
      [refused, `postbox-${randomUUID()}`],
    ] as const)
      await publish(submissions, 'portal/application-submitted', id, {
        ...examples['portal/application-submitted'],
        applicationId: id,
        citizenAccountRef: ref,
      });
    // The postbox is down for the first two attempts: retried, not dead-lettered.
    await fetch(`${postbox.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 2 }),
    });
    const change = (sequence: number, state: string, statusText: string) => ({
      ...examples['case/citizen-status-changed'],
      applicationId,
      sequence,
      state,
      statusText,
    });
    const twice = randomUUID();
    const changesInOrder = [
      [change(1, 'SUBMITTED', 'Ihr Antrag ist eingegangen.'), randomUUID()],
      [change(2, 'RECEIVED', 'Zugestellt.'), twice],
      [change(2, 'RECEIVED', 'Zugestellt.'), twice],
      [change(3, 'COMPLETED', 'Genehmigt.'), randomUUID()],
    ] as const;
    for (const [value, eventId] of changesInOrder)
      await publish(changes, 'case/citizen-status-changed', applicationId, value, { eventId });
    // The postbox refuses an empty status text (422): not retried, dead-lettered.
    await publish(changes, 'case/citizen-status-changed', refused, {
      ...change(1, 'SUBMITTED', ''),
      applicationId: refused,
    });

    const [letter] = await eventually(() => (deadLetters.length > 0 ? deadLetters : undefined), {
      timeoutMs: 45_000,
      what: 'the refused status change in the dead letters',
    });
    expect(String(letter?.message.key)).toBe(refused);
    expect(String(letter?.message.headers?.[deadLetterHeaders.errorCode])).toBe('HTTP_422');
    const messages = await eventually(
      () => {
        const got = postbox.store.received(mailbox);
        return got.length >= 3 ? got : undefined;
      },
      { timeoutMs: 45_000, what: 'three messages in the mailbox' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(postbox.store.received(mailbox)).toHaveLength(3);
    expect(messages.map((m) => (m.content as { sequence: number }).sequence)).toEqual([1, 2, 3]);
    expect(messages.map((m) => (m.content as { status: string }).status)).toEqual([
      'SUBMITTED',
      'RECEIVED',
      'COMPLETED',
    ]);
    expect(messages.every((m) => m.storkQaaLevel === 'STORK-QAA-Level-3')).toBe(true);
    expect(deadLetters).toHaveLength(1);
  }, 90_000);
});
