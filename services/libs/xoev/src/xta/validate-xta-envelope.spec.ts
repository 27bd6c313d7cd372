import { describe, expect, it } from 'vitest';
import { validateXtaEnvelope } from './validate-xta-envelope.js';

const envelope = (header: string, body: string) =>
  `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"` +
  ` xmlns:osci="http://www.osci.eu/ws/2008/05/transport">` +
  `<env:Header>${header}</env:Header><env:Body>${body}</env:Body></env:Envelope>`;
const close = (attributes: string) =>
  `<osci:MsgBoxCloseRequest ${attributes}>` +
  `<osci:LastMsgReceived>urn:de:xta:messageid:1</osci:LastMsgReceived></osci:MsgBoxCloseRequest>`;

describe('validateXtaEnvelope', () => {
  it('accepts a close request that names its message-box request', () => {
    expect(validateXtaEnvelope(envelope('', close('MsgBoxRequestID="urn:r:1"')))).toEqual({
      valid: true,
      reasons: [],
    });
  });

  it('refuses a close request without MsgBoxRequestID', () => {
    const result = validateXtaEnvelope(envelope('', close('')));
    expect(result.valid).toBe(false);
    expect(result.reasons.map((reason) => reason.message)).toEqual([
      expect.stringContaining("'MsgBoxRequestID' is required but missing"),
    ]);
  });

  it('refuses header blocks and body content that no XTA schema declares', () => {
    const result = validateXtaEnvelope(
      envelope('<x:Trace xmlns:x="urn:x"/>', '<y xmlns="urn:y"/>'),
    );
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]?.message).toMatch(/No matching global declaration/);
  });

  it('refuses an unqualified errorCode in an XTA fault detail', () => {
    const fault =
      '<env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code>' +
      '<env:Reason><env:Text xml:lang="de">falsch</env:Text></env:Reason><env:Detail>' +
      '<xta:ParameterIsNotValidException xmlns:xta="http://xoev.de/transport/xta/211">' +
      '<errorCode><code>9030</code></errorCode></xta:ParameterIsNotValidException>' +
      '</env:Detail></env:Fault>';
    expect(validateXtaEnvelope(envelope('', fault)).reasons[0]?.message).toMatch(
      /Expected is \( \{http:\/\/xoev.de\/transport\/xta\/211\}errorCode \)/,
    );
  });

  it('refuses a SOAP 1.1 envelope', () => {
    const soap11 =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>';
    expect(validateXtaEnvelope(soap11).valid).toBe(false);
  });
});
