import type { XtaClient } from '@hub/xoev';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';
import { EnvelopeRecorder } from './envelope-recorder.js';
import { allRepliesInBox, antrag, clientOf, invalidAntrag, routing } from './fixtures.js';

// Issue 18: every envelope the hub's client and the simulator exchange, both ways, must be valid
// against the official XTA 2.1.1 XSDs. The simulator runs lenient here (strict: false), so that
// neither side's documents are screened or replaced by the simulator's own checks: the recorder
// validates what actually went over the wire.

let recorder: EnvelopeRecorder;
let simulator: XtaSimulator;
let client: XtaClient;

beforeEach(async () => {
  recorder = new EnvelopeRecorder();
  simulator = await startXtaSimulator({
    port: 0,
    strict: false,
    replyDelaysMs: { receiptMs: 5, caseNumberMs: 5, statusMs: 5 },
    // Smaller than the six replies, so that the client has to page with getNextStatusList.
    statusListPageSize: 4,
    onExchange: recorder.record,
  });
  client = clientOf(simulator);
});

afterEach(async () => {
  await simulator.stop();
});

/** SOAP 1.2 request written from the WSDL, for the operations the hub's client does not use. */
async function post(action: string, body: string): Promise<number> {
  const envelope =
    `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"` +
    ` xmlns:wsa="http://www.w3.org/2005/08/addressing"><env:Header>` +
    `<wsa:Action>${action}</wsa:Action><wsa:MessageID>urn:uuid:${crypto.randomUUID()}</wsa:MessageID>` +
    `<wsa:To>${simulator.url}</wsa:To></env:Header><env:Body>${body}</env:Body></env:Envelope>`;
  const response = await fetch(simulator.url, {
    method: 'POST',
    headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` },
    body: envelope,
  });
  await response.text();
  return response.status;
}

describe('XTA 2 conformance of the client and the simulator (issue 18)', () => {
  it('exchanges only valid envelopes from sending the 0200 to closing the last reply', async () => {
    const messageId = await client.createMessageId();
    await client.sendMessage(messageId, antrag, routing);
    await client.getTransportReport(messageId);
    await allRepliesInBox(simulator);

    const ids = await client.getStatusList();
    for (const id of ids) {
      await client.getMessage(id);
      await client.close(id);
    }

    expect(ids).toHaveLength(7);
    expect(await client.getStatusList()).toEqual([]);
    expect(recorder.actions()).toContain('MsgBoxGetNextListRequest');
    expect(recorder.actions().filter((action) => action === 'MsgBoxCloseRequest')).toHaveLength(7);
    expect(recorder.invalidEnvelopes()).toEqual([]);
  });

  it('exchanges only valid envelopes when the simulator answers with XTA faults', async () => {
    await expect(
      client.sendMessage(await client.createMessageId(), invalidAntrag, routing),
    ).rejects.toMatchObject({ code: 'XTA_SCHEMA_VIOLATION' });
    await expect(client.getTransportReport('urn:de:xta:messageid:unknown')).rejects.toMatchObject({
      retryable: false,
    });
    simulator.setFaults({ technicalProblem: 1 });
    await expect(client.createMessageId()).rejects.toMatchObject({
      code: 'XTA_TECHNICAL_PROBLEM',
    });

    expect(recorder.exchanges.filter((exchange) => exchange.status >= 400)).toHaveLength(3);
    expect(recorder.invalidEnvelopes()).toEqual([]);
  });

  it('answers the operations the hub does not use with valid documents', async () => {
    const xta = 'http://www.xta.de/XTA';
    const box = 'http://www.osci.eu/ws/2008/05/transport/urn/messageTypes';
    const lookup =
      '<xta:LookupServiceRequest xmlns:xta="http://xoev.de/transport/xta/211"' +
      ' xmlns:oscimeta="http://www.osci.eu/ws/2014/10/transport"><xta:LookupServiceRequestList>' +
      '<xta:LookupService><oscimeta:Reader><oscimeta:Identifier type="xoev">bab:05913000' +
      '</oscimeta:Identifier></oscimeta:Reader><xta:ServiceType>urn:xoev-de:bmk:standard:xbau' +
      '</xta:ServiceType></xta:LookupService></xta:LookupServiceRequestList></xta:LookupServiceRequest>';
    const messageIdBody = (id: string) =>
      `<wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">${id}</wsa:MessageID>`;
    const getNext =
      '<osci:MsgBoxGetNextRequest xmlns:osci="http://www.osci.eu/ws/2008/05/transport"' +
      ' MsgBoxRequestID="urn:de:xta:msgboxrequest:unknown"/>';

    const statuses = [
      await post(`${xta}/CheckAccountActive`, ''),
      await post(`${xta}/IsServiceAvailable`, lookup),
      await post(`${xta}/CancelMessage`, messageIdBody(await client.createMessageId())),
      await post(`${box}/MsgBoxGetNextMsgRequest`, getNext),
      await post(`${box}/MsgBoxGetNextListRequest`, getNext),
    ];

    expect(statuses).toEqual([200, 200, 400, 400, 400]);
    expect(recorder.invalidEnvelopes()).toEqual([]);
  });
});
