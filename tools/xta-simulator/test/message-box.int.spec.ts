import { readFileSync } from 'node:fs';
import type { XtaClient } from '@hub/xoev';
import { xwasser, type XtaRouting } from '@hub/xoev';
import { afterEach, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';
import { EnvelopeRecorder } from './envelope-recorder.js';
import { antrag, clientOf, routing as xbauRouting } from './fixtures.js';

const report = readFileSync(
  new URL(import.meta.resolve('@hub/xoev/testdata/xwasser/golden/transportieren.2010.xml')),
  'utf8',
);
const toHealthOffice: XtaRouting = {
  author: 'labor:DE-TW-0042',
  reader: 'gesundheitsamt:05315000',
  service: xwasser.service,
  businessScenario: xwasser.businessScenario,
  messageType: { code: '2010', payloadSchema: xwasser.namespace },
};

const recorder = new EnvelopeRecorder();
const opened: { simulator?: XtaSimulator } = {};

/** A message-box simulator whose every envelope the recorder checks after the test. */
async function messageBox(): Promise<{ simulator: XtaSimulator; client: XtaClient }> {
  const simulator = await startXtaSimulator({
    port: 0,
    role: 'message-box',
    onExchange: recorder.record,
  });
  opened.simulator = simulator;
  return { simulator, client: clientOf(simulator) };
}

afterEach(async () => {
  await opened.simulator?.stop();
  expect(recorder.invalidEnvelopes()).toEqual([]);
});

describe('the XTA simulator as a message box of its own (role message-box)', () => {
  it('keeps a valid XWasser report for its reader, byte for byte, and answers nothing', async () => {
    const { simulator, client } = await messageBox();
    const messageId = await client.createMessageId();
    await client.sendMessage(messageId, report, toHealthOffice);

    expect(await client.getTransportReport(messageId)).toEqual({ messageId, status: 1 });
    expect(await client.getStatusList()).toEqual([messageId]);
    expect(await client.getMessage(messageId)).toBe(report);
    await client.close(messageId);
    expect(await client.getStatusList()).toEqual([]);
    expect(simulator.pendingReplies()).toBe(0);
  });

  it('keeps an XBau 0200 too, without the building authority’s replies', async () => {
    const { simulator, client } = await messageBox();
    const messageId = await client.createMessageId();
    await client.sendMessage(messageId, antrag, xbauRouting);
    expect(await client.getStatusList()).toEqual([messageId]);
    expect(simulator.pendingReplies()).toBe(0);
  });

  it('transports an invalid XWasser message or garbage too: judging content is the reader’s job', async () => {
    const { client } = await messageBox();
    const invalid = report.replace(/<xwas:titel>[^<]*<\/xwas:titel>/, '');
    for (const body of [invalid, '<<< kein XML >>>']) {
      const messageId = await client.createMessageId();
      await client.sendMessage(messageId, body, toHealthOffice);
      expect(await client.getMessage(messageId)).toBe(body);
    }
    expect(await client.getStatusList()).toHaveLength(2);
  });
});
