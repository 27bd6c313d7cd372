import { eventually } from '@hub/platform';
import { createHash } from 'node:crypto';
import { parseXml, XtaClient, type XtaAttachment } from '@hub/xoev';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';
import { EnvelopeRecorder } from './envelope-recorder.js';
import {
  allRepliesInBox,
  antrag,
  clientOf,
  invalidAntrag,
  nachrichtenUUID,
  routing,
} from './fixtures.js';

let recorder: EnvelopeRecorder;
let simulator: XtaSimulator;
let client: XtaClient;

beforeEach(async () => {
  recorder = new EnvelopeRecorder();
  simulator = await startXtaSimulator({
    port: 0,
    replyDelaysMs: { receiptMs: 10, caseNumberMs: 10, statusMs: 10 },
    onExchange: recorder.record,
  });
  client = clientOf(simulator);
});

afterEach(async () => {
  await simulator.stop();
  // Every envelope of every test, both ways, must be one a real XTA 2 peer accepts.
  expect(recorder.invalidEnvelopes()).toEqual([]);
});

/** Waits until the message box offers `count` messages, and returns their ids. */
function messagesInBox(count: number): Promise<string[]> {
  return eventually(
    async () => {
      const listed = await client.getStatusList();
      return listed.length >= count ? listed : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 20, what: `${count} messages in the message box` },
  );
}

async function rootNameOf(xml: string): Promise<string> {
  return (await parseXml(xml)).rootName;
}

describe('XTA client against the simulated authority', () => {
  it('delivers a valid 0200, gets a green transport report and fetches the reply sequence', async () => {
    const messageId = await client.createMessageId();
    await client.sendMessage(messageId, antrag, routing);

    expect(await client.getTransportReport(messageId)).toEqual({ messageId, status: 1 });
    expect(simulator.deliveries.get(nachrichtenUUID)).toBe(1);

    const ids = await messagesInBox(7);
    const replies: string[] = [];
    const attachments: XtaAttachment[] = [];
    for (const id of ids) {
      const fetched = await client.fetchMessage(id);
      replies.push(await rootNameOf(fetched.xml));
      attachments.push(...fetched.attachments);
      if (fetched.attachments.length > 0) {
        // The 0205 names its notice by the attachment's id, size and SHA-512.
        const [pdf] = fetched.attachments;
        const hash = createHash('sha512')
          .update(pdf?.bytes ?? '')
          .digest('hex');
        expect(fetched.xml).toContain(`<dokumentid>cid:${pdf?.id}</dokumentid>`);
        expect(fetched.xml).toContain(`filesize="${pdf?.bytes.length}" hashValue="${hash}"`);
      }
      await client.close(id);
    }
    expect(attachments).toMatchObject([
      { filename: 'baugenehmigung.pdf', contentType: 'application/pdf' },
    ]);
    expect(attachments[0]?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(replies).toEqual([
      'prozessnachrichten.eingangsbestaetigung.1120',
      'prozessnachrichten.aktenzeichen.1121',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'baugenehmigung.bescheid.0205',
      'prozessnachrichten.statusFuerAntragsportal.1170',
    ]);
    expect(await client.getStatusList()).toEqual([]);
  });

  it('closes each fetched reply under the MsgBoxRequestID of its fetch, so the box stops offering it', async () => {
    await client.sendMessage(await client.createMessageId(), antrag, routing);
    const [first] = await messagesInBox(1);
    await client.getMessage(first ?? '');

    await client.close(first ?? '');

    expect(await client.getStatusList()).not.toContain(first);
    await expect(client.close(first ?? '')).rejects.toMatchObject({
      code: 'XTA_PARAMETER_INVALID',
      retryable: false,
    });
  });

  it('answers an invalid message with MessageSchemaViolationException, which is fatal', async () => {
    const messageId = await client.createMessageId();

    const failure = client.sendMessage(messageId, invalidAntrag, routing);

    await expect(failure).rejects.toMatchObject({ code: 'XTA_SCHEMA_VIOLATION', retryable: false });
    await expect(failure).rejects.toThrow(/vorname/);
    expect(await client.getTransportReport(messageId)).toEqual({ messageId, status: 3 });
    expect(simulator.deliveries.size).toBe(0);
  });

  it('reports an injected technical problem as retryable, and the retry succeeds', async () => {
    simulator.setFaults({ technicalProblem: 1 });

    await expect(client.createMessageId()).rejects.toMatchObject({
      code: 'XTA_TECHNICAL_PROBLEM',
      retryable: true,
    });
    await expect(client.createMessageId()).resolves.toMatch(/^urn:de:xta:messageid:/);
  });

  it('refuses an injected not-permitted sender with PermissionDeniedException (fatal); the box stays open', async () => {
    simulator.setFaults({ refusedSends: 1 });
    const before = simulator.deliveries.size;

    await expect(
      client.sendMessage(await client.createMessageId(), antrag, routing),
    ).rejects.toMatchObject({ code: 'XTA_PERMISSION_DENIED', retryable: false });
    expect(await client.getStatusList()).toBeInstanceOf(Array);
    expect(simulator.deliveries.size).toBe(before);
    await client.sendMessage(await client.createMessageId(), antrag, routing);
    expect(simulator.deliveries.size).toBe(before + 1);
  });

  it('delivers a sendMessage whose answer it then loses: the client sees a retryable break, the transport report a delivered message', async () => {
    simulator.setFaults({ lostSendAnswers: 1 });
    const before = simulator.deliveries.size;
    const messageId = await client.createMessageId();

    await expect(client.sendMessage(messageId, antrag, routing)).rejects.toMatchObject({
      retryable: true,
    });
    expect(simulator.deliveries.size).toBe(before + 1);
    expect(await client.getTransportReport(messageId)).toEqual({ messageId, status: 1 });
  });

  it('reports HTTP 5xx and downtime as retryable', async () => {
    simulator.setFaults({ http5xx: 1 });
    await expect(client.createMessageId()).rejects.toMatchObject({
      code: 'XTA_UNREACHABLE',
      retryable: true,
    });

    simulator.setFaults({ downtime: [{ from: Date.now() - 1_000, to: Date.now() + 60_000 }] });
    await expect(client.createMessageId()).rejects.toMatchObject({
      code: 'XTA_UNREACHABLE',
      retryable: true,
    });
  });

  it('reports a call slower than the deadline as XTA_TIMEOUT (retryable)', async () => {
    const impatient = XtaClient.create({
      endpoint: simulator.url,
      security: { kind: 'none' },
      timeoutMs: 50,
    });
    simulator.setFaults({ latencyMs: 500 });
    await expect(impatient.createMessageId()).rejects.toMatchObject({
      code: 'XTA_TIMEOUT',
      retryable: true,
    });
  });

  it('counts a redelivery under the same nachrichtenUUID and does not answer it twice', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await client.sendMessage(await client.createMessageId(), antrag, routing);
    }
    expect(simulator.deliveries.get(nachrichtenUUID)).toBe(2);
    await allRepliesInBox(simulator);
    expect(await client.getStatusList()).toHaveLength(7);
  });

  it('puts every reply in the box twice when duplicate replies are injected', async () => {
    simulator.setFaults({ duplicateReplies: true });
    await client.sendMessage(await client.createMessageId(), antrag, routing);
    await allRepliesInBox(simulator);
    const ids = await client.getStatusList();
    const bodies = await Promise.all(ids.map((id) => client.getMessage(id)));
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    expect(new Set(bodies).size).toBe(7);
  });

  it('serves the official XTA 2 WSDL at ?wsdl with its own address', async () => {
    const wsdl = await (await fetch(`${simulator.url}?wsdl`)).text();
    expect(wsdl).toContain('targetNamespace="http://xoev.de/transport/xta/211"');
    expect(wsdl).toContain(`location="${simulator.url}"`);
  });
});
