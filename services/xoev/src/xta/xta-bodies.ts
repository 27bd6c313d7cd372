import { Builder } from 'xml2js';

const bodyBuilder = new Builder({ headless: true, renderOpts: { pretty: false } });
const xta = 'http://xoev.de/transport/xta/211';
const osci = 'http://www.osci.eu/ws/2008/05/transport';
const wsa = 'http://www.w3.org/2005/08/addressing';

/** xta:GenericContentContainer/ContentContainer/Message (base64, @contentType, @filename). */
export function contentContainer(xml: string, fileName: string): string {
  return bodyBuilder.buildObject({
    'xta:GenericContentContainer': {
      $: { 'xmlns:xta': xta },
      'xta:ContentContainer': {
        'xta:Message': {
          $: { contentType: 'application/xml', filename: fileName, encoding: 'UTF-8' },
          _: Buffer.from(xml, 'utf8').toString('base64'),
        },
      },
    },
  });
}

/** wsa:MessageID as the whole body (getTransportReport). */
export function messageIdBody(messageId: string): string {
  return bodyBuilder.buildObject({ 'wsa:MessageID': { $: { 'xmlns:wsa': wsa }, _: messageId } });
}

/** osci:MsgBoxStatusListRequest @maxListItems. */
export function statusListRequest(maxListItems: number): string {
  return bodyBuilder.buildObject({
    'osci:MsgBoxStatusListRequest': {
      $: { 'xmlns:osci': osci, maxListItems: String(maxListItems) },
    },
  });
}

/** osci:MsgBoxFetchRequest/osci:MsgSelector/wsa:MessageID. */
export function fetchRequest(messageId: string): string {
  return bodyBuilder.buildObject({
    'osci:MsgBoxFetchRequest': {
      $: { 'xmlns:osci': osci, 'xmlns:wsa': wsa },
      'osci:MsgSelector': { 'wsa:MessageID': messageId },
    },
  });
}

/** osci:MsgBoxCloseRequest/osci:LastMsgReceived. */
export function closeRequest(messageId: string): string {
  return bodyBuilder.buildObject({
    'osci:MsgBoxCloseRequest': { $: { 'xmlns:osci': osci }, 'osci:LastMsgReceived': messageId },
  });
}
