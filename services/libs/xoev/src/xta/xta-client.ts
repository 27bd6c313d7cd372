import { inClientSpan } from '@hub/kit';
import { parseXml, type XmlObject } from '../xml/parse-xml.js';
import { xoevError } from '../xoev-error.js';
import { classifyXtaError } from './classify-xta-error.js';
import {
  closeRequest,
  contentContainer,
  fetchRequest,
  messageIdBody,
  nextListRequest,
  statusListRequest,
} from './xta-bodies.js';
import { addressingHeaders, messageMetaDataHeader } from './xta-headers.js';
import { XtaHttpTransport } from './xta-http-transport.js';
import { xtaOperations, type XtaOperation } from './xta-operations.js';
import type { XtaClientOptions, XtaRouting } from './xta-options.js';
import { MsgBoxRequests } from './msg-box-requests.js';
import {
  firstText,
  listedMessageIds,
  msgBoxResponse,
  type TransportReport,
  containerAttachments,
  type XtaContainer,
} from './xta-responses.js';

/**
 * XTA 2 (v2.1.1) client: SOAP 1.2 with the actions of the pinned official WSDL, WS-Addressing
 * headers on every call, MessageMetaData on sendMessage, WS-Security UsernameToken or TLS client
 * certificate by configuration (ADR 0027: SOAP over node:http, not the `soap` package). Create
 * one per endpoint at boot and reuse it. Every failure is a HubError with an XTA_* code (see
 * xoevErrorCodes for retryability).
 */
export class XtaClient {
  private readonly msgBox = new MsgBoxRequests();

  private constructor(
    private readonly transport: XtaHttpTransport,
    private readonly options: XtaClientOptions,
  ) {}

  static create(options: XtaClientOptions): XtaClient {
    return new XtaClient(new XtaHttpTransport(options), options);
  }

  /** createMessageId → the id under which the next message is sent and reported. */
  async createMessageId(): Promise<string> {
    // The WSDL's input is an empty body.
    const response = await this.call('createMessageId', '');
    return requireText(response, 'MessageID', 'createMessageId');
  }

  /** sendMessage: the XÖV message in a GenericContentContainer, routing in MessageMetaData. */
  async sendMessage(messageId: string, xml: string, routing: XtaRouting): Promise<void> {
    const metaData = messageMetaDataHeader(routing, messageId, Buffer.byteLength(xml), new Date());
    const body = contentContainer(xml, `${routing.messageType.code}.xml`);
    await this.call('sendMessage', body, metaData);
  }

  /** getTransportReport: 0 open, 1 green (delivered), 2 yellow, 3 red (failed). */
  async getTransportReport(messageId: string): Promise<TransportReport> {
    const response = await this.call('getTransportReport', messageIdBody(messageId));
    const status = Number(requireText(response, 'Status', 'getTransportReport'));
    return { messageId, status };
  }

  /**
   * getStatusList: ids of up to `maxListItems` messages waiting in the message box. When the
   * server holds entries back (MsgBoxResponse/ItemsPending), the next pages are fetched with
   * getNextStatusList under the list's MsgBoxRequestID.
   */
  async getStatusList(maxListItems = 100): Promise<string[]> {
    this.msgBox.newList();
    let page = await this.call('getStatusList', statusListRequest(maxListItems));
    const ids: string[] = [];
    for (;;) {
      const { msgBoxRequestId, itemsPending } = msgBoxResponse(page);
      const listed = listedMessageIds(page);
      this.msgBox.listed(msgBoxRequestId, listed);
      ids.push(...listed);
      const more = itemsPending > 0 && listed.length > 0 && ids.length < maxListItems;
      if (!more || msgBoxRequestId === undefined) return ids.slice(0, maxListItems);
      page = await this.call('getNextStatusList', nextListRequest(msgBoxRequestId));
    }
  }

  /** getMessage: the XÖV message stored under `messageId`, decoded from its container. */
  async getMessage(messageId: string): Promise<string> {
    return (await this.fetchMessage(messageId)).xml;
  }

  /** getMessage, whole: the XÖV message and the documents attached beside it (xta:Attachment). */
  async fetchMessage(messageId: string): Promise<XtaContainer> {
    const response = await this.call('getMessage', fetchRequest(messageId));
    const base64 = requireText(response, 'Message', 'getMessage');
    this.msgBox.fetched(msgBoxResponse(response).msgBoxRequestId, messageId);
    return {
      xml: Buffer.from(base64, 'base64').toString('utf8'),
      attachments: containerAttachments(response),
    };
  }

  /**
   * close: acknowledges the message, so the message box stops offering it. Names the
   * message-box request that delivered it (getMessage, else getStatusList), as OSCI 2 requires;
   * a message this client never listed nor fetched cannot be closed (XTA_PARAMETER_INVALID).
   */
  async close(messageId: string): Promise<void> {
    const msgBoxRequestId = this.msgBox.takeForClose(messageId);
    if (msgBoxRequestId === undefined) {
      throw xoevError(
        'XTA_PARAMETER_INVALID',
        `XTA close: ${messageId} was neither listed nor fetched by this client, so no MsgBoxRequestID is known`,
      );
    }
    await this.call('close', closeRequest(msgBoxRequestId, messageId));
  }

  private async call(operation: XtaOperation, body: string, extraHeaders = ''): Promise<XmlObject> {
    const action = xtaOperations[operation];
    const headers = addressingHeaders(action, this.options.endpoint) + extraHeaders;
    const url = new URL(this.options.endpoint);
    const call = { operation, url, method: 'POST' as const, protocol: 'soap' as const };
    const answer = await inClientSpan(call, async (traceHeaders) => {
      try {
        return await this.transport.post(action, headers, body, traceHeaders);
      } catch (error) {
        throw classifyXtaError(operation, error);
      }
    });
    return (await parseXml(answer)).root;
  }
}

function requireText(response: XmlObject, name: string, operation: string): string {
  const text = firstText(response, name);
  if (text === undefined) {
    throw xoevError('XTA_REJECTED', `XTA ${operation}: response has no ${name}`);
  }
  return text;
}
