import { randomBytes } from 'node:crypto';
import { validateXtaEnvelope } from '@hub/xoev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';
import { clientOf } from './fixtures.js';

const soap12 = 'application/soap+xml; charset=utf-8';
const envelope = (header: string, body: string) =>
  `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"` +
  ` xmlns:wsa="http://www.w3.org/2005/08/addressing"><env:Header>` +
  `<wsa:Action>http://www.osci.eu/ws/2008/05/transport/urn/messageTypes/MsgBoxCloseRequest</wsa:Action>` +
  `${header}</env:Header><env:Body>${body}</env:Body></env:Envelope>`;
const closeWithoutRequestId =
  '<osci:MsgBoxCloseRequest xmlns:osci="http://www.osci.eu/ws/2008/05/transport">' +
  '<osci:LastMsgReceived>urn:x</osci:LastMsgReceived></osci:MsgBoxCloseRequest>';

/** One hostile request and how the simulator must refuse it. */
interface Hostile {
  readonly what: string;
  readonly contentType: string;
  readonly body: string | Uint8Array<ArrayBuffer>;
  readonly status: number;
  /** The SOAP 1.2 fault code, when the answer is a fault. */
  readonly faultCode?: string;
}

const billionLaughs = '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>';
const corpus: readonly Hostile[] = [
  {
    what: 'garbage bytes',
    contentType: soap12,
    body: new Uint8Array(randomBytes(4_096)),
    status: 400,
    faultCode: 'env:Sender',
  },
  { what: 'an empty body', contentType: soap12, body: '', status: 400, faultCode: 'env:Sender' },
  { what: 'JSON', contentType: 'application/json', body: '{"action":"close"}', status: 415 },
  {
    what: 'an Envelope of no namespace',
    contentType: soap12,
    body: '<Envelope/>',
    status: 500,
    faultCode: 'env:VersionMismatch',
  },
  {
    what: 'a SOAP 1.1 envelope',
    contentType: 'text/xml; charset=utf-8',
    body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>',
    status: 500,
    faultCode: 'env:VersionMismatch',
  },
  {
    what: 'an unknown header block marked mustUnderstand',
    contentType: soap12,
    body: envelope('<t:Trace xmlns:t="urn:trace" env:mustUnderstand="true">1</t:Trace>', ''),
    status: 500,
    faultCode: 'env:MustUnderstand',
  },
  {
    what: 'external entities',
    contentType: soap12,
    body: '<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><e>&x;</e>',
    status: 400,
    faultCode: 'env:Sender',
  },
  {
    what: 'entity expansion',
    contentType: soap12,
    body: billionLaughs,
    status: 400,
    faultCode: 'env:Sender',
  },
  {
    what: 'nesting 10 000 deep',
    contentType: soap12,
    body: `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`,
    status: 400,
    faultCode: 'env:Sender',
  },
  {
    what: 'a close request without MsgBoxRequestID (strict mode)',
    contentType: soap12,
    body: envelope('', closeWithoutRequestId),
    status: 400,
    faultCode: 'env:Sender',
  },
];

let simulator: XtaSimulator;

beforeAll(async () => {
  simulator = await startXtaSimulator({ port: 0, maxRequestBytes: 256 * 1024 });
});

afterAll(async () => {
  await simulator.stop();
});

async function post(contentType: string, body: string | Uint8Array<ArrayBuffer>) {
  const response = await fetch(simulator.url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe('the simulator under hostile input', () => {
  it.each(corpus)(
    'refuses $what with a fault or a 4xx',
    async ({ contentType, body, status, faultCode }) => {
      const answer = await post(contentType, body);

      expect(answer.status).toBe(status);
      if (faultCode !== undefined) {
        expect(answer.text).toContain(`<env:Value>${faultCode}</env:Value>`);
        expect(validateXtaEnvelope(answer.text).reasons).toEqual([]);
      }
    },
  );

  it('refuses a body above its limit with 413', async () => {
    const answer = await post(soap12, 'a'.repeat(1024 * 1024));
    expect(answer.status).toBe(413);
  });

  it('still serves the client after the whole corpus', async () => {
    for (const { contentType, body } of corpus) await post(contentType, body);
    const client = clientOf(simulator);
    await expect(client.createMessageId()).resolves.toMatch(/^urn:de:xta:messageid:/);
  });
});
