import {
  describeReasons,
  readSoapEnvelopeOutline,
  validateXtaEnvelope,
  xtaNamespaces,
  type HeaderBlock,
} from '@hub/xoev';
import {
  mustUnderstandFault,
  versionMismatchFault,
  xtaFault,
  type SoapAnswer,
} from './soap-envelope.js';

const { soap12, wsa, oscimeta, osci, wsse } = xtaNamespaces;

/** Header blocks the simulator processes; any other one marked mustUnderstand is refused. */
const understood = new Set([
  ...['Action', 'MessageID', 'To', 'RelatesTo', 'From', 'ReplyTo', 'FaultTo'].map(
    (name) => `${wsa} ${name}`,
  ),
  `${oscimeta} MessageMetaData`,
  `${oscimeta} Author`,
  `${osci} X509TokenContainer`,
  `${wsse} Security`,
]);

/** SOAP 1.2 (application/soap+xml); SOAP 1.1's text/xml is read only to answer VersionMismatch. */
const soapMediaTypes = ['application/soap+xml', 'text/xml'];

/**
 * What a SOAP 1.2 node does before it processes a request, in the order SOAP 1.2 part 1 (5.4.7,
 * 2.6) asks: the envelope version (VersionMismatch), then the mustUnderstand header blocks
 * (MustUnderstand), then, in strict mode, validation against the official XTA 2 XSDs
 * (ParameterIsNotValidException). Returns the answer for a refused request, or undefined.
 */
export function screenRequest(
  contentType: string | undefined,
  xml: string,
  strict: boolean,
): SoapAnswer | undefined {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!soapMediaTypes.includes(mediaType)) {
    return {
      status: 415,
      body: 'SOAP 1.2 erwartet: Content-Type application/soap+xml',
      contentType: 'text/plain; charset=utf-8',
    };
  }
  let outline;
  try {
    outline = readSoapEnvelopeOutline(xml);
  } catch (error) {
    return xtaFault('ParameterIsNotValidException', reasonOf(error));
  }
  // SOAP 1.2 part 1, 5.4.7: any root but a SOAP 1.2 Envelope is a VersionMismatch.
  if (outline.rootNamespace !== soap12 || outline.rootLocalName !== 'Envelope') {
    return versionMismatchFault();
  }
  const notUnderstood = outline.headerBlocks.filter(
    (block) => block.mustUnderstand && !understood.has(keyOf(block)),
  );
  if (notUnderstood.length > 0) return mustUnderstandFault(notUnderstood);
  if (!strict) return undefined;
  const validation = validateXtaEnvelope(xml);
  if (validation.valid) return undefined;
  const reasons = describeReasons(validation.reasons);
  return xtaFault('ParameterIsNotValidException', `Anfrage verletzt XTA 2.1.1 XSD:\n${reasons}`);
}

function keyOf(block: HeaderBlock): string {
  return `${block.namespace} ${block.localName}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
