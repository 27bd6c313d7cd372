import { Builder } from 'xml2js';
import { xtaNamespaces } from './xta-namespaces.js';

const bodyBuilder = new Builder({ headless: true, renderOpts: { pretty: false } });
const { xta, osci, wsa } = xtaNamespaces;

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

/** osci:MsgBoxGetNextRequest @MsgBoxRequestID: the next page of a status list. */
export function nextListRequest(msgBoxRequestId: string): string {
  return bodyBuilder.buildObject({
    'osci:MsgBoxGetNextRequest': { $: { 'xmlns:osci': osci, MsgBoxRequestID: msgBoxRequestId } },
  });
}

/**
 * osci:MsgBoxCloseRequest @MsgBoxRequestID / osci:LastMsgReceived: acknowledges the message and
 * closes the message-box request (list or fetch) that delivered it. OSCI 2 requires the id.
 */
export function closeRequest(msgBoxRequestId: string, messageId: string): string {
  return bodyBuilder.buildObject({
    'osci:MsgBoxCloseRequest': {
      $: { 'xmlns:osci': osci, MsgBoxRequestID: msgBoxRequestId },
      'osci:LastMsgReceived': messageId,
    },
  });
}
