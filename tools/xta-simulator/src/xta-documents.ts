import { messageMetaData, xtaNamespaces, type XmlObject } from '@hub/xoev';
import { attribute, first, text } from './request-fields.js';
import { unknownRouting, type BoxEntry, type SentMessage } from './simulated-authority.js';

const { xta, osci, wsa, oscimeta } = xtaNamespaces;
const noMatch = 'http://www.osci.eu/ws/2008/05/transport/MsgBox/reasons/NoMatch';

/** The MessageMetaData the box hands out with a message (getMessage header, status list). */
export function metaDataOf(entry: BoxEntry): object {
  return messageMetaData(
    entry.routing,
    entry.messageId,
    Buffer.byteLength(entry.xml),
    entry.deliveredAt,
  );
}

/**
 * osci:MsgBoxResponse @MsgBoxRequestID, header of every message-box answer: ItemsPending when
 * entries are left for getNext…, NoMessageAvailable (reason NoMatch) when there was nothing.
 */
export function msgBoxResponse(msgBoxRequestId: string, itemsPending: number | 'none'): object {
  return {
    'osci:MsgBoxResponse': {
      $: { 'xmlns:osci': osci, MsgBoxRequestID: msgBoxRequestId },
      ...(itemsPending === 'none'
        ? { 'osci:NoMessageAvailable': { $: { reason: noMatch } } }
        : { 'osci:ItemsPending': String(itemsPending) }),
    },
  };
}

/** osci:MsgStatusList/osci:MsgAttributes: MessageID, TypeOfBusinessScenario, MsgSize, DeliveryTime. */
export function msgStatusList(entries: readonly BoxEntry[]): object {
  return {
    'osci:MsgStatusList': {
      $: { 'xmlns:osci': osci, 'xmlns:wsa': wsa },
      'osci:MsgAttributes': entries.map((entry) => ({
        'wsa:MessageID': entry.messageId,
        'osci:TypeOfBusinessScenario': entry.routing.businessScenario,
        'osci:MsgSize': String(Buffer.byteLength(entry.xml)),
        'osci:DeliveryTime': entry.deliveredAt.toISOString(),
      })),
    },
  };
}

/**
 * xta:GenericContentContainer/ContentContainer: Message (the XÖV message, base64) and an
 * Attachment per document the message names (base64, @id, @filename, @contentType, @size).
 */
export function contentContainer(entry: BoxEntry): object {
  return {
    'xta:GenericContentContainer': {
      $: { 'xmlns:xta': xta },
      'xta:ContentContainer': {
        'xta:Message': {
          $: { contentType: 'application/xml', encoding: 'UTF-8' },
          _: Buffer.from(entry.xml, 'utf8').toString('base64'),
        },
        ...(entry.attachments?.length
          ? {
              'xta:Attachment': entry.attachments.map((attachment) => ({
                $: {
                  contentType: attachment.contentType,
                  filename: attachment.filename,
                  id: attachment.id,
                  size: String(attachment.bytes.length),
                },
                _: attachment.bytes.toString('base64'),
              })),
            }
          : {}),
      },
    },
  };
}

/**
 * xta:TransportReport: MessageMetaData of the message as the hub sent it (placeholder routing
 * while only its id exists), ReportTime, XTAServerIdentity, MessageStatus/Status.
 */
export function transportReport(messageId: string, sent: SentMessage, now: Date): object {
  const routing = sent.routing ?? unknownRouting;
  return {
    'xta:TransportReport': {
      $: { 'xmlns:xta': xta },
      ...messageMetaData(routing, messageId, 0, now),
      'xta:ReportTime': now.toISOString(),
      'xta:XTAServerIdentity': 'xta-simulator',
      'xta:MessageStatus': { 'xta:Status': String(sent.status) },
    },
  };
}

/**
 * xta:LookupServiceResponse: every asked reader offers every asked service (the simulated
 * authority accepts whatever it is sent, and says so):
 *   LookupServiceResultList/LookupServiceResult/{oscimeta:Reader, ServiceType,
 *   IsServiceAvailableValue/ServiceIsAvailable}
 */
export function lookupServiceResponse(body: XmlObject): object {
  const request = first(body.LookupServiceRequest);
  const asked = (request?.LookupServiceRequestList ?? []) as XmlObject[];
  return {
    'xta:LookupServiceResponse': {
      $: { 'xmlns:xta': xta, 'xmlns:oscimeta': oscimeta },
      'xta:LookupServiceResultList': {
        'xta:LookupServiceResult': asked.map((item) => {
          const identifier = first(first(first(item.LookupService)?.Reader)?.Identifier);
          return {
            'oscimeta:Reader': {
              'oscimeta:Identifier': {
                $: { type: attribute(identifier, 'type') ?? 'xoev' },
                _: text(item, 'Identifier') ?? '',
              },
            },
            'xta:ServiceType': text(item, 'ServiceType') ?? '',
            'xta:IsServiceAvailableValue': { 'xta:ServiceIsAvailable': 'true' },
          };
        }),
      },
    },
  };
}
