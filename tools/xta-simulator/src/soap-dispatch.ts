import { parseXml, type XmlObject } from '@hub/xoev';
import type { SimulatedAuthority } from './simulated-authority.js';
import { faultStatus, soapFault, soapResponse, type XtaFaultName } from './soap-envelope.js';

const xta = 'http://xoev.de/transport/xta/211';
const osci = 'http://www.osci.eu/ws/2008/05/transport';
const wsa = 'http://www.w3.org/2005/08/addressing';

export interface SoapAnswer {
  readonly status: number;
  readonly body: string;
}

/** Answers one XTA 2 SOAP request by its WS-Addressing Action. */
export async function dispatchSoap(
  authority: SimulatedAuthority,
  requestXml: string,
): Promise<SoapAnswer> {
  const { root } = await parseXml(requestXml);
  const header = first(root.Header);
  const body = first(root.Body) ?? {};
  const action = text(header, 'Action') ?? '';
  const requestId = text(header, 'MessageID') ?? '';
  const ok = (payload: object): SoapAnswer => ({
    status: 200,
    body: soapResponse(action, requestId, payload),
  });
  const fault = (name: XtaFaultName, reason: string): SoapAnswer => ({
    status: faultStatus(name),
    body: soapFault(name, reason, requestId),
  });

  switch (action.split('/').pop()) {
    case 'CreateMessageID':
      return ok({ 'wsa:MessageID': { $: { 'xmlns:wsa': wsa }, _: authority.createMessageId() } });
    case 'SendMessage': {
      const messageId = text(header, 'MessageID', 'MsgIdentification') ?? '';
      const base64 = text(body, 'Message');
      if (!base64)
        return fault('ParameterIsNotValidException', 'GenericContentContainer/Message fehlt');
      const outcome = await authority.deliver(
        messageId,
        Buffer.from(base64, 'base64').toString('utf8'),
      );
      return outcome.accepted ? ok({}) : fault('MessageSchemaViolationException', outcome.reason);
    }
    case 'GetTransportReport': {
      const messageId = text(body, 'MessageID') ?? '';
      const status = authority.transportReport(messageId);
      if (status === undefined)
        return fault('InvalidMessageIDException', `unbekannt: ${messageId}`);
      return ok({
        'xta:TransportReport': {
          $: { 'xmlns:xta': xta },
          'xta:ReportTime': new Date().toISOString(),
          'xta:XTAServerIdentity': 'xta-simulator',
          'xta:MessageStatus': { 'xta:Status': String(status) },
        },
      });
    }
    case 'MsgBoxStatusListRequest': {
      const max = Number(attribute(first(body.MsgBoxStatusListRequest), 'maxListItems') ?? 100);
      return ok({
        'osci:MsgStatusList': {
          $: { 'xmlns:osci': osci, 'xmlns:wsa': wsa },
          'osci:MsgAttributes': authority.statusList(max).map((entry) => ({
            'wsa:MessageID': entry.messageId,
          })),
        },
      });
    }
    case 'MsgBoxFetchRequest': {
      const messageId = text(body, 'MessageID') ?? '';
      const entry = authority.fetch(messageId);
      if (!entry) return fault('InvalidMessageIDException', `nicht im Postfach: ${messageId}`);
      return ok({
        'xta:GenericContentContainer': {
          $: { 'xmlns:xta': xta },
          'xta:ContentContainer': {
            'xta:Message': {
              $: { contentType: 'application/xml' },
              _: Buffer.from(entry.xml, 'utf8').toString('base64'),
            },
          },
        },
      });
    }
    case 'MsgBoxCloseRequest': {
      const messageId = text(body, 'LastMsgReceived') ?? '';
      return authority.close(messageId)
        ? ok({})
        : fault('InvalidMessageIDException', `nicht im Postfach: ${messageId}`);
    }
    default:
      return fault('ParameterIsNotValidException', `unbekannte Action ${action}`);
  }
}

function first(value: unknown): XmlObject | undefined {
  return Array.isArray(value) ? (value[0] as XmlObject | undefined) : undefined;
}

function attribute(node: XmlObject | undefined, name: string): string | undefined {
  return (node?.$ as Record<string, string> | undefined)?.[name];
}

/** Text of the first element `name`, searched depth-first, optionally below `within`. */
function text(node: unknown, name: string, within?: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = text(item, name, within);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, value] of Object.entries(node as XmlObject)) {
    if (key === '$') continue;
    if (key === name && within === undefined) {
      const [item] = value as unknown[];
      if (typeof item === 'string') return item.trim();
      const inner = (item as XmlObject | undefined)?._;
      if (typeof inner === 'string') return inner.trim();
    }
    const found = text(value, name, key === within ? undefined : within);
    if (found !== undefined) return found;
  }
  return undefined;
}
