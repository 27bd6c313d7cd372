import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostboxSimulator, type PostboxSimulator } from '../src/index.js';
import { attachmentOf, authorPublicKey, messageEnvelope, statusEnvelope } from './envelopes.js';

let simulator: PostboxSimulator;
beforeAll(async () => {
  simulator = await startPostboxSimulator({ authorKey: authorPublicKey, maxBodyBytes: 16_384 });
});
afterAll(() => simulator.stop());

const post = (mailbox: string, body: string, type = 'application/json') =>
  fetch(`${simulator.url}/api/v6/mailboxes/${encodeURIComponent(mailbox)}/messages`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
const received = async (mailbox: string) =>
  (await (
    await fetch(`${simulator.url}/__admin/mailboxes/${encodeURIComponent(mailbox)}/messages`)
  ).json()) as Array<{ messageId: string; content: unknown; attachments: unknown[] }>;

describe('postbox simulator over HTTP', () => {
  it('stores a message once however often it is posted, and says what the mailbox received', async () => {
    const mailbox = `mbx-${randomUUID()}`;
    const body = JSON.stringify(await statusEnvelope(mailbox));
    expect((await post(mailbox, body)).status).toBe(201);
    expect((await post(mailbox, body)).status).toBe(200);
    const messages = await received(mailbox);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toMatchObject({ status: 'RECEIVED', sequence: 2 });
    expect(await received(`mbx-${randomUUID()}`)).toEqual([]);
  });

  it('stores a message_v6 with its document once, and refuses a document that is not its hash', async () => {
    const mailbox = `mbx-${randomUUID()}`;
    const pdf = Buffer.from(`%PDF-1.7\n${'Bescheid '.repeat(500)}\n%%EOF\n`);
    const body = JSON.stringify(await messageEnvelope(mailbox, [attachmentOf(pdf)]));
    expect((await post(mailbox, body)).status).toBe(201);
    expect((await post(mailbox, body)).status).toBe(200);
    const tampered = attachmentOf(pdf);
    tampered.data = Buffer.from(pdf.toString().replace('1.7', '1.6')).toString('base64');
    const refused = await post(mailbox, JSON.stringify(await messageEnvelope(mailbox, [tampered])));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      problems: [{ path: 'attachments.0.sha512sum' }],
    });
    const [message, ...more] = await received(mailbox);
    expect(more).toEqual([]);
    expect(message?.attachments).toEqual([
      {
        filename: 'baugenehmigung.pdf',
        mimeType: 'application/pdf',
        size: pdf.length,
        sha512sum: attachmentOf(pdf).sha512sum,
      },
    ]);
  });

  it('refuses a message id reused for other content (409) and keeps the first', async () => {
    const mailbox = `mbx-${randomUUID()}`;
    const first = await statusEnvelope(mailbox);
    await post(mailbox, JSON.stringify(first));
    const second = await statusEnvelope(mailbox, {}, undefined, first.messageId);
    const answer = await post(mailbox, JSON.stringify(second));
    expect(answer.status).toBe(409);
    expect(await received(mailbox)).toHaveLength(1);
  });

  it('answers bad input with a status, field path and reason, and keeps serving', async () => {
    const mailbox = `mbx-${randomUUID()}`;
    const notJson = await post(mailbox, '{"messageId":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      problems: [{ path: '(body)', reason: 'not JSON' }],
    });
    expect((await post(mailbox, '{}', 'text/plain')).status).toBe(415);
    const wrong = await post(
      mailbox,
      JSON.stringify({ ...(await statusEnvelope(mailbox)), storkQaaLevel: 'hoch\u202e' }),
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ problems: [{ path: 'storkQaaLevel' }] });
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    expect((await post(mailbox, deep)).status).toBe(422);
    expect((await post(mailbox, JSON.stringify(['x'.repeat(20_000)]))).status).toBe(413);
    expect((await post(mailbox, 'null')).status).toBe(422);
    const unsigned = await post(
      mailbox,
      JSON.stringify({ ...(await statusEnvelope(mailbox)), authorToken: 'a.b.c' }),
    );
    expect(unsigned.status).toBe(401);
    expect(await received(mailbox)).toEqual([]);
    expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
  });

  it('answers injected faults for the next posts, then stores again', async () => {
    const mailbox = `mbx-${randomUUID()}`;
    const fault = await fetch(`${simulator.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503, count: 1 }),
    });
    expect(fault.status).toBe(200);
    const body = JSON.stringify(await statusEnvelope(mailbox));
    expect((await post(mailbox, body)).status).toBe(503);
    expect((await post(mailbox, body)).status).toBe(201);
    expect(await received(mailbox)).toHaveLength(1);
  });
});
