import type { StatusReported } from '@hub/contracts';
import type { ParsedXml, XmlObject } from '@hub/xoev';

/** statusbauportal code → the code list's wording, per list version (see status-texts.ts). */
export type StatusTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type ReplyOutcome =
  | { readonly kind: 'status'; readonly event: StatusReported }
  | {
      readonly kind: 'rejected';
      readonly code:
        | 'XBAU_REPLY_UNKNOWN'
        | 'XBAU_REPLY_UNCORRELATED'
        | 'XBAU_REPLY_INCOMPLETE'
        | 'XBAU_REPLY_WRONG_READER'
        | 'XBAU_REPLY_NO_AUTHOR';
      readonly reason: string;
    };

/**
 * Status codes published for the replies that are not a 1170. The 1170 carries its own code
 * (urn:xoev-de:xbau:codeliste:statusbauportal); these names cannot collide with its two digits.
 */
export const replyStatusCodes = {
  receipt: 'RECEIPT',
  caseNumber: 'CASE_NUMBER',
  genericReceipt: 'GENERIC_RECEIPT',
} as const;

/** XBau-Kernmodul release of the reply → the XBau release it belongs to. */
const xbauReleaseOfKernmodul: Readonly<Record<string, string>> = { '1.3.0': '2.6', '1.2.2': '2.5' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Pure: one XSD-valid XBau process message from the message box → the status event for the
 * application it refers to, or why it cannot become one. The application is found by
 * `bezug/referenz`, which carries the `referenzAntragsservice` (application id) of the 0200.
 * The head must name the portal (`portalId`, DVDV) as reader and some authority as author; the
 * author travels on as `authorityId` for the checks against the delivery and the routing.
 */
export function toStatusReported(
  reply: ParsedXml,
  texts: StatusTexts,
  portalId: string,
): ReplyOutcome {
  const { rootName, root } = reply;
  const head = child(root, 'nachrichtenkopf.g2g');
  const reader = text(child(head, 'leser'), 'kennung');
  const author = text(child(head, 'autor'), 'kennung');
  const nachrichtenUUID = text(child(head, 'identifikation.nachricht'), 'nachrichtenUUID');
  const createdAt = text(child(head, 'identifikation.nachricht'), 'erstellungszeitpunkt');
  const bezug = child(root, 'bezug');
  const referenz = text(bezug, 'referenz');
  const vorgang = text(bezug, 'vorgang') ?? null;
  const standardVersion = xbauReleaseOfKernmodul[attribute(root, 'version') ?? ''];

  const kind = rootName.split('.').at(-1) ?? '';
  if (!['1120', '1121', '1170', '1180'].includes(kind) || !standardVersion)
    return rejected('XBAU_REPLY_UNKNOWN', `not a reply the connector handles: ${rootName}`);
  if (!nachrichtenUUID || !createdAt)
    return rejected('XBAU_REPLY_INCOMPLETE', `${rootName} without nachrichtenUUID or time`);
  if (!referenz || !uuid.test(referenz))
    return rejected('XBAU_REPLY_UNCORRELATED', `${rootName} without a UUID in bezug/referenz`);
  // nachrichtenkopf.g2g/leser/kennung: addressed to this portal, not merely dropped in its box.
  if (reader !== portalId)
    return rejected('XBAU_REPLY_WRONG_READER', `${rootName} is addressed to another reader`);
  // nachrichtenkopf.g2g/autor/kennung: the sender's directory-service id.
  if (!author || author === portalId)
    return rejected('XBAU_REPLY_NO_AUTHOR', `${rootName} names no authority as author`);

  const base = {
    applicationId: referenz.toLowerCase(),
    reportedAt: new Date(createdAt),
    caseNumber: vorgang,
    nachrichtenUUID,
    standardVersion,
    authorityId: author,
  };
  switch (kind) {
    case '1120':
      return status({
        ...base,
        statusCode: replyStatusCodes.receipt,
        statusText: 'Eingang des Antrags bestätigt',
      });
    case '1121':
      if (!vorgang) return rejected('XBAU_REPLY_INCOMPLETE', `${rootName} without bezug/vorgang`);
      return status({
        ...base,
        statusCode: replyStatusCodes.caseNumber,
        statusText: 'Aktenzeichen zugewiesen',
      });
    case '1180':
      return status({
        ...base,
        statusCode: replyStatusCodes.genericReceipt,
        statusText: 'Eingang der Nachricht bestätigt',
      });
    default: {
      const portalStatus = child(root, 'statusAntragsportal');
      const code = text(portalStatus, 'code');
      const listVersion = attribute(portalStatus, 'listVersionID') ?? '';
      const wording = code === undefined ? undefined : texts.get(listVersion)?.get(code);
      if (!code || !wording)
        return rejected(
          'XBAU_REPLY_UNKNOWN',
          `${rootName}: status '${code ?? ''}' not in statusbauportal ${listVersion}`,
        );
      return status({ ...base, statusCode: code, statusText: wording });
    }
  }
}

function status(event: StatusReported): ReplyOutcome {
  return { kind: 'status', event };
}

function rejected(
  code: Extract<ReplyOutcome, { kind: 'rejected' }>['code'],
  reason: string,
): ReplyOutcome {
  return { kind: 'rejected', code, reason };
}

function child(node: XmlObject | undefined, name: string): XmlObject | undefined {
  const [first] = (node?.[name] as unknown[] | undefined) ?? [];
  return typeof first === 'object' && first !== null ? (first as XmlObject) : undefined;
}

function text(node: XmlObject | undefined, name: string): string | undefined {
  const [first] = (node?.[name] as unknown[] | undefined) ?? [];
  const value = typeof first === 'string' ? first : (first as XmlObject | undefined)?._;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function attribute(node: XmlObject | undefined, name: string): string | undefined {
  return (node?.$ as Record<string, string> | undefined)?.[name];
}
