import { randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';
import { xtaNamespaces } from './xta-namespaces.js';
import type { XtaRouting } from './xta-options.js';

const headerBuilder = new Builder({ headless: true, renderOpts: { pretty: false } });
const { wsa, oscimeta } = xtaNamespaces;

/** WS-Addressing 1.0 headers: wsa:Action, wsa:MessageID, wsa:To and, for replies, wsa:RelatesTo. */
export function addressingHeaders(action: string, to: string, relatesTo?: string): string {
  const header = (name: string, value: string): string =>
    headerBuilder.buildObject({ [`wsa:${name}`]: { $: { 'xmlns:wsa': wsa }, _: value } });
  return [
    header('Action', action),
    header('MessageID', `urn:uuid:${randomUUID()}`),
    header('To', to),
    ...(relatesTo === undefined ? [] : [header('RelatesTo', relatesTo)]),
  ].join('');
}

/** The oscimeta:MessageMetaData header block, rendered (see {@link messageMetaData}). */
export function messageMetaDataHeader(
  routing: XtaRouting,
  messageId: string,
  sizeBytes: number,
  now: Date,
): string {
  return headerBuilder.buildObject(messageMetaData(routing, messageId, sizeBytes, now));
}

/**
 * oscimeta:MessageMetaData (OSCI MessageMetaData 2.02) as an xml2js object, declaring its own
 * namespaces so that it can sit in any envelope (the simulator reuses it in its answers):
 *   DeliveryAttributes/Origin, Originators/Author/Identifier, Destinations/Reader/Identifier,
 *   MsgIdentification/wsa:MessageID, Qualifier/{Service, BusinessScenario/Defined/code,
 *   MessageType/code @payloadSchema}, MsgSize
 */
export function messageMetaData(
  routing: XtaRouting,
  messageId: string,
  sizeBytes: number,
  now: Date,
): object {
  const party = (id: string) => ({ 'oscimeta:Identifier': { $: { type: 'xoev' }, _: id } });
  return {
    'oscimeta:MessageMetaData': {
      $: { 'xmlns:oscimeta': oscimeta, 'xmlns:wsa': wsa },
      'oscimeta:DeliveryAttributes': { 'oscimeta:Origin': now.toISOString() },
      'oscimeta:Originators': { 'oscimeta:Author': party(routing.author) },
      'oscimeta:Destinations': { 'oscimeta:Reader': party(routing.reader) },
      'oscimeta:MsgIdentification': { 'wsa:MessageID': messageId },
      'oscimeta:Qualifier': {
        'oscimeta:Service': routing.service,
        'oscimeta:BusinessScenario': {
          'oscimeta:Defined': {
            $: { listURI: 'urn:de:dataport:codeliste:business.scenario', listVersionID: '1' },
            code: routing.businessScenario,
          },
        },
        'oscimeta:MessageType': {
          $: {
            listURI: 'urn:de:payloadSchema:elementName',
            listVersionID: '1.0',
            payloadSchema: routing.messageType.payloadSchema,
          },
          code: routing.messageType.code,
        },
      },
      // MsgSize is a positiveInteger: an empty message leaves it out.
      ...(sizeBytes > 0 ? { 'oscimeta:MsgSize': String(sizeBytes) } : {}),
    },
  };
}
