import { readFileSync } from 'node:fs';
import { eventually } from '@hub/platform';
import { parseXml, XtaClient, type XtaRouting } from '@hub/xoev';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';

// A valid XBau 2.6 0200 (one of the mapping's goldens).
const antrag = readFileSync(
  new URL('../../../services/xbau-connector/testdata/golden/minimal.xbau-2.6.xml', import.meta.url),
  'utf8',
);
const nachrichtenUUID = /<nachrichtenUUID>([^<]+)</.exec(antrag)?.[1] ?? '';

const routing: XtaRouting = {
  author: 'bpt:05913000',
  reader: 'bab:05913000',
  service: 'urn:xoev-de:bmk:standard:xbau',
  businessScenario: 'XBAU_BAUGENEHMIGUNG',
  messageType: { code: '0200', payloadSchema: 'http://www.xleitstelle.de/xbau/2/6' },
};

let simulator: XtaSimulator;
let client: XtaClient;

beforeEach(async () => {
  simulator = await startXtaSimulator({
    port: 0,
    replyDelaysMs: { receiptMs: 10, caseNumberMs: 10, statusMs: 10 },
  });
  client = await XtaClient.create({
    endpoint: simulator.url,
    security: { kind: 'username-token', username: 'hub', password: 'secret' },
    timeoutMs: 5_000,
  });
});

afterEach(async () => {
  await simulator.stop();
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

/** Waits until the simulator has put every scheduled reply in the box. */
async function allRepliesInBox(): Promise<void> {
  await eventually(() => (simulator.pendingReplies() === 0 ? true : undefined), {
    timeoutMs: 10_000,
    intervalMs: 20,
    what: 'every scheduled reply to be in the box',
  });
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

    const ids = await messagesInBox(6);
    const replies: string[] = [];
    for (const id of ids) {
      replies.push(await rootNameOf(await client.getMessage(id)));
      await client.close(id);
    }
    expect(replies).toEqual([
      'prozessnachrichten.eingangsbestaetigung.1120',
      'prozessnachrichten.aktenzeichen.1121',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'prozessnachrichten.statusFuerAntragsportal.1170',
      'prozessnachrichten.statusFuerAntragsportal.1170',
    ]);
    expect(await client.getStatusList()).toEqual([]);
  });

  it('answers an invalid message with MessageSchemaViolationException, which is fatal', async () => {
    const messageId = await client.createMessageId();
    const invalid = antrag.replace(/<vorname>[\s\S]*?<\/vorname>/, '');

    const failure = client.sendMessage(messageId, invalid, routing);

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
    const impatient = await XtaClient.create({
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
    await allRepliesInBox();
    expect(await client.getStatusList()).toHaveLength(6);
  });

  it('puts every reply in the box twice when duplicate replies are injected', async () => {
    simulator.setFaults({ duplicateReplies: true });
    await client.sendMessage(await client.createMessageId(), antrag, routing);
    await allRepliesInBox();
    const ids = await client.getStatusList();
    const bodies = await Promise.all(ids.map((id) => client.getMessage(id)));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(new Set(bodies).size).toBe(6);
  });

  it('serves the official XTA 2 WSDL at ?wsdl with its own address', async () => {
    const wsdl = await (await fetch(`${simulator.url}?wsdl`)).text();
    expect(wsdl).toContain('targetNamespace="http://xoev.de/transport/xta/211"');
    expect(wsdl).toContain(`location="${simulator.url}"`);
  });
});
