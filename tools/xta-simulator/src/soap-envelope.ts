import { xtaNamespaces, type HeaderBlock } from '@hub/xoev';
import { Builder } from 'xml2js';

const builder = new Builder({ headless: false, renderOpts: { pretty: false } });
const { soap12, wsa, xta } = xtaNamespaces;
const faultAction = 'http://www.w3.org/2005/08/addressing/soap/fault';

/** What goes back over HTTP for one request. */
export interface SoapAnswer {
  readonly status: number;
  readonly body: string;
  /** Defaults to SOAP 1.2's application/soap+xml. */
  readonly contentType?: string;
  /** Processed, but the connection is cut instead of answering (fault `lostSendAnswers`). */
  readonly lost?: boolean;
}

/** The XTA 2 exceptions (XTA-Webservice-Exceptions.xsd) the simulator raises. */
export type XtaFaultName =
  | 'XTAWSTechnicalProblemException'
  | 'PermissionDeniedException'
  | 'ParameterIsNotValidException'
  | 'MessageSchemaViolationException'
  | 'InvalidMessageIDException'
  | 'CancelDeniedException'
  | 'SyncAsyncException';

/**
 * A SOAP 1.2 envelope answering the request `relatesTo` with `action`: WS-Addressing headers
 * first, then the header blocks the WSDL declares for the operation's output.
 */
export function soapResponse(
  action: string,
  relatesTo: string | undefined,
  body: object,
  headers: object = {},
): string {
  return envelope({ ...addressing(action, relatesTo), ...headers }, body);
}

/**
 * A SOAP 1.2 fault carrying the XTA exception in its Detail: xta:errorCode with the number and
 * name of the XTA error code list. The technical problem is the receiver's fault (HTTP 500),
 * every other exception the sender's (HTTP 400), as the SOAP 1.2 HTTP binding asks.
 */
export function xtaFault(name: XtaFaultName, reason: string, relatesTo?: string): SoapAnswer {
  const receiver = name === 'XTAWSTechnicalProblemException';
  const detail = {
    [`xta:${name}`]: {
      $: { 'xmlns:xta': xta },
      'xta:errorCode': {
        $: { listURI: 'urn:de:xta:webservice:codeliste:fehlernummer', listVersionID: '1.0' },
        code: receiver ? '9999' : '9030',
        name,
      },
    },
  };
  return fault(receiver ? 'Receiver' : 'Sender', reason, { relatesTo, detail });
}

/** env:VersionMismatch with env:Upgrade naming the one envelope this node speaks (SOAP 1.2). */
export function versionMismatchFault(): SoapAnswer {
  const upgrade = {
    'env:Upgrade': { 'env:SupportedEnvelope': { $: { qname: 'env:Envelope' } } },
  };
  return fault('VersionMismatch', 'nur SOAP 1.2 wird unterstützt', { headers: upgrade });
}

/** env:MustUnderstand with one env:NotUnderstood per header block the simulator cannot process. */
export function mustUnderstandFault(
  blocks: readonly HeaderBlock[],
  relatesTo?: string,
): SoapAnswer {
  const notUnderstood = blocks.map((block) => ({
    $: { qname: `nu:${block.localName}`, 'xmlns:nu': block.namespace },
  }));
  return fault('MustUnderstand', 'Header-Block nicht verstanden', {
    relatesTo,
    headers: { 'env:NotUnderstood': notUnderstood },
  });
}

interface FaultParts {
  readonly relatesTo?: string;
  readonly headers?: object;
  readonly detail?: object;
}

function fault(
  code: 'Sender' | 'Receiver' | 'VersionMismatch' | 'MustUnderstand',
  reason: string,
  parts: FaultParts,
): SoapAnswer {
  const body = {
    'env:Fault': {
      'env:Code': { 'env:Value': `env:${code}` },
      'env:Reason': { 'env:Text': { $: { 'xml:lang': 'de' }, _: reason } },
      ...(parts.detail ? { 'env:Detail': parts.detail } : {}),
    },
  };
  const headers = { ...addressing(faultAction, parts.relatesTo), ...parts.headers };
  return { status: code === 'Sender' ? 400 : 500, body: envelope(headers, body) };
}

function addressing(action: string, relatesTo: string | undefined): object {
  return { 'wsa:Action': action, ...(relatesTo ? { 'wsa:RelatesTo': relatesTo } : {}) };
}

function envelope(headers: object, body: object): string {
  return builder.buildObject({
    'env:Envelope': {
      $: { 'xmlns:env': soap12, 'xmlns:wsa': wsa },
      'env:Header': headers,
      'env:Body': body,
    },
  });
}
