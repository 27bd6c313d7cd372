import { parseXml, xtaNamespaces, type XmlObject } from '@hub/xoev';
import type { MsgBoxRequests } from './msg-box-requests.js';
import { attribute, first, routingOf, text, texts } from './request-fields.js';
import type { SimulatedAuthority } from './simulated-authority.js';
import { soapResponse, xtaFault, type SoapAnswer } from './soap-envelope.js';
import {
  contentContainer,
  lookupServiceResponse,
  metaDataOf,
  msgBoxResponse,
  msgStatusList,
  transportReport,
} from './xta-documents.js';

/** What an operation gets to answer one request. */
interface Call extends DispatchContext {
  readonly header: XmlObject | undefined;
  readonly body: XmlObject;
  /** Answers with the request's own action, as the WSDL's wsam:Action of every output says. */
  ok(body?: object, headers?: object): SoapAnswer;
  fault(...args: Parameters<typeof xtaFault>): SoapAnswer;
}

type Operation = (call: Call) => SoapAnswer | Promise<SoapAnswer>;

/**
 * The operations of the XTA 2 WSDL a Fachverfahren's XTA server offers, by the last segment of
 * their wsa:Action.
 */
const operations: Record<string, Operation> = {
  CheckAccountActive: (call) => call.ok(),
  CreateMessageID: (call) =>
    call.ok({
      'wsa:MessageID': {
        $: { 'xmlns:wsa': xtaNamespaces.wsa },
        _: call.authority.createMessageId(),
      },
    }),
  IsServiceAvailable: (call) => call.ok(lookupServiceResponse(call.body)),
  CancelMessage: (call) =>
    call.fault('CancelDeniedException', 'Nachrichten werden sofort zugestellt (kein NotBefore)'),
  SendMessage: async (call) => {
    const messageId = text(call.header, 'MessageID', 'MsgIdentification') ?? '';
    const base64 = text(call.body, 'Message');
    if (!base64)
      return call.fault('ParameterIsNotValidException', 'ContentContainer/Message fehlt');
    const xml = Buffer.from(base64, 'base64').toString('utf8');
    if (call.refusesSender(xml))
      return call.fault(
        'PermissionDeniedException',
        'Absender ist für diese Behörde nicht zugelassen',
      );
    const outcome = await call.authority.deliver(messageId, xml, routingOf(call.header));
    if (!outcome.accepted) return call.fault('MessageSchemaViolationException', outcome.reason);
    return call.losesSendAnswer() ? { ...call.ok(), lost: true } : call.ok();
  },
  SendMessageSync: (call) =>
    call.fault('SyncAsyncException', 'die Behörde antwortet nur asynchron (sendMessage)'),
  GetTransportReport: (call) => {
    const messageId = text(call.body, 'MessageID') ?? '';
    const sent = call.authority.transportReport(messageId);
    if (!sent) return call.fault('InvalidMessageIDException', `unbekannt: ${messageId}`);
    return call.ok(transportReport(messageId, sent, new Date()));
  },
  MsgBoxStatusListRequest: (call) => {
    const request = first(call.body.MsgBoxStatusListRequest);
    const asked = Number(attribute(request, 'maxListItems') ?? call.pageSize);
    const { box } = call.authority;
    const requestId = call.msgBox.issue(0, box.newestPlace);
    return statusListPage(call, requestId, Math.min(asked, call.pageSize), box.size === 0);
  },
  MsgBoxGetNextListRequest: (call) => {
    const requestId = attribute(first(call.body.MsgBoxGetNextRequest), 'MsgBoxRequestID') ?? '';
    if (!call.msgBox.known(requestId))
      return call.fault('ParameterIsNotValidException', `MsgBoxRequestID unbekannt: ${requestId}`);
    return statusListPage(call, requestId, call.pageSize, false);
  },
  MsgBoxFetchRequest: (call) => {
    const messageId = text(call.body, 'MessageID') ?? '';
    const { box } = call.authority;
    const entry = box.get(messageId);
    const place = box.placeOf(messageId);
    if (!entry || place === undefined)
      return call.fault('InvalidMessageIDException', `nicht im Postfach: ${messageId}`);
    const requestId = call.msgBox.issue(place, box.newestPlace);
    return call.ok(contentContainer(entry), {
      ...metaDataOf(entry),
      ...msgBoxResponse(requestId, box.countAfter(place)),
    });
  },
  MsgBoxGetNextMsgRequest: (call) => {
    const requestId = attribute(first(call.body.MsgBoxGetNextRequest), 'MsgBoxRequestID') ?? '';
    const { entries, left } = call.msgBox.take(requestId, 1, call.authority.box);
    const [entry] = entries;
    if (!entry)
      return call.fault('InvalidMessageIDException', `keine weitere Nachricht: ${requestId}`);
    return call.ok(contentContainer(entry), {
      ...metaDataOf(entry),
      ...msgBoxResponse(requestId, left),
    });
  },
  MsgBoxCloseRequest: (call) => {
    const request = first(call.body.MsgBoxCloseRequest);
    const requestId = attribute(request, 'MsgBoxRequestID') ?? '';
    if (!call.msgBox.known(requestId))
      return call.fault('InvalidMessageIDException', `MsgBoxRequestID unbekannt: ${requestId}`);
    const received = texts(request, 'LastMsgReceived');
    const missing = received.filter((id) => !call.authority.fetch(id));
    if (missing.length > 0)
      return call.fault('InvalidMessageIDException', `nicht im Postfach: ${missing.join(', ')}`);
    for (const id of received) call.authority.close(id);
    call.msgBox.close(requestId);
    return call.ok();
  },
};

/** One page of a status list under `requestId`, with what is left as ItemsPending. */
function statusListPage(call: Call, requestId: string, size: number, empty: boolean): SoapAnswer {
  const { entries, left } = call.msgBox.take(requestId, size, call.authority.box);
  return call.ok(msgStatusList(entries), msgBoxResponse(requestId, empty ? 'none' : left));
}

export interface DispatchContext {
  readonly authority: SimulatedAuthority;
  readonly msgBox: MsgBoxRequests;
  /** Largest status-list page the server hands out, whatever maxListItems asks for. */
  readonly pageSize: number;
  /** True when this sendMessage (its XÖV message) is to be refused for a not-permitted sender. */
  readonly refusesSender: (xml: string) => boolean;
  /** True when this sendMessage's answer is to be lost after delivery (fault on demand). */
  readonly losesSendAnswer: () => boolean;
}

/** Answers one XTA 2 SOAP request (already screened, see screenRequest) by its wsa:Action. */
export async function dispatchSoap(
  context: DispatchContext,
  requestXml: string,
): Promise<SoapAnswer> {
  const { root } = await parseXml(requestXml);
  const header = first(root.Header);
  const action = text(header, 'Action') ?? '';
  const relatesTo = text(header, 'MessageID');
  const operation = operations[action.split('/').pop() ?? ''];
  const call: Call = {
    ...context,
    header,
    body: first(root.Body) ?? {},
    ok: (body = {}, headers = {}) => ({
      status: 200,
      body: soapResponse(action, relatesTo, body, headers),
    }),
    fault: (name, reason) => xtaFault(name, reason, relatesTo),
  };
  if (!operation) return call.fault('ParameterIsNotValidException', `unbekannte Action ${action}`);
  return operation(call);
}
