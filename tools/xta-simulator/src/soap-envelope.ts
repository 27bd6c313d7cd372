import { Builder } from 'xml2js';

const builder = new Builder({ headless: false, renderOpts: { pretty: false } });
const soapEnvelope = 'http://www.w3.org/2003/05/soap-envelope';
const wsa = 'http://www.w3.org/2005/08/addressing';
const xta = 'http://xoev.de/transport/xta/211';

/** Known XTA faults and the SOAP 1.2 fault code the simulator answers them with. */
export type XtaFaultName =
  | 'XTAWSTechnicalProblemException'
  | 'PermissionDeniedException'
  | 'ParameterIsNotValidException'
  | 'MessageSchemaViolationException'
  | 'InvalidMessageIDException';

/** A SOAP 1.2 envelope answering the request `relatesTo` with `action`. */
export function soapResponse(action: string, relatesTo: string, body: object): string {
  return builder.buildObject({
    'env:Envelope': {
      $: { 'xmlns:env': soapEnvelope, 'xmlns:wsa': wsa },
      'env:Header': { 'wsa:Action': action, 'wsa:RelatesTo': relatesTo },
      'env:Body': body,
    },
  });
}

/** A SOAP 1.2 fault carrying the XTA exception element in its Detail. */
export function soapFault(name: XtaFaultName, reason: string, relatesTo: string): string {
  const sender = name !== 'XTAWSTechnicalProblemException';
  return builder.buildObject({
    'env:Envelope': {
      $: { 'xmlns:env': soapEnvelope, 'xmlns:wsa': wsa },
      'env:Header': {
        'wsa:Action': 'http://www.w3.org/2005/08/addressing/soap/fault',
        'wsa:RelatesTo': relatesTo,
      },
      'env:Body': {
        'env:Fault': {
          'env:Code': { 'env:Value': sender ? 'env:Sender' : 'env:Receiver' },
          'env:Reason': { 'env:Text': { $: { 'xml:lang': 'de' }, _: reason } },
          'env:Detail': {
            [`xta:${name}`]: {
              $: { 'xmlns:xta': xta },
              errorCode: { code: sender ? '9030' : '9999', name: name },
            },
          },
        },
      },
    },
  });
}

/** SOAP 1.2 over HTTP: sender faults are 400, receiver faults 500. */
export function faultStatus(name: XtaFaultName): number {
  return name === 'XTAWSTechnicalProblemException' ? 500 : 400;
}
