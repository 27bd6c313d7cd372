import type { StatusReported } from '@hub/contracts';
import type { ParsedXml } from '@hub/xoev';
import { replyHead, type HeadRejection } from './reply-head.js';
import { attribute, child, text } from './xml-paths.js';

/** statusbauportal code → the code list's wording, per list version (see status-texts.ts). */
export type StatusTexts = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type ReplyOutcome =
  | { readonly kind: 'status'; readonly event: StatusReported }
  | HeadRejection
  | { readonly kind: 'rejected'; readonly code: 'XBAU_REPLY_UNKNOWN'; readonly reason: string };

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

/**
 * Pure: one XSD-valid XBau process message from the message box → the status event for the
 * application it refers to (head and bezug checked by `replyHead`), or why it cannot become one.
 */
export function toStatusReported(
  reply: ParsedXml,
  texts: StatusTexts,
  portalId: string,
): ReplyOutcome {
  const { rootName, root } = reply;
  const standardVersion = xbauReleaseOfKernmodul[attribute(root, 'version') ?? ''];
  const kind = rootName.split('.').at(-1) ?? '';
  if (!['1120', '1121', '1170', '1180'].includes(kind) || !standardVersion)
    return rejected('XBAU_REPLY_UNKNOWN', `not a reply the connector handles: ${rootName}`);
  const read = replyHead(reply, portalId);
  if (read.kind === 'rejected') return read;
  const { createdAt, ...head } = read.head;
  const vorgang = head.caseNumber;
  const base = { ...head, reportedAt: createdAt, standardVersion };
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
