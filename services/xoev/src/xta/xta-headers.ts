import { randomUUID } from 'node:crypto';
import { Builder } from 'xml2js';
import type { XtaRouting } from './xta-options.js';

const headerBuilder = new Builder({ headless: true, renderOpts: { pretty: false } });
const wsa = 'http://www.w3.org/2005/08/addressing';
const oscimeta = 'http://www.osci.eu/ws/2014/10/transport';

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

/**
 * oscimeta:MessageMetaData (OSCI MessageMetaData 2.02):
 *   DeliveryAttributes/Origin, Originators/Author/Identifier, Destinations/Reader/Identifier,
 *   MsgIdentification/wsa:MessageID, Qualifier/{Service, BusinessScenario/Defined/code,
 *   MessageType/code @payloadSchema}, MsgSize
 */
export function messageMetaDataHeader(
  routing: XtaRouting,
  messageId: string,
  sizeBytes: number,
  now: Date,
): string {
  const party = (id: string) => ({ 'oscimeta:Identifier': { $: { type: 'xoev' }, _: id } });
  return headerBuilder.buildObject({
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
      'oscimeta:MsgSize': String(sizeBytes),
    },
  });
}
