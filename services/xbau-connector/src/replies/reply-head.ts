import type { ParsedXml } from '@hub/xoev';
import { child, text } from './xml-paths.js';

/** What every message from the authority says about itself and the application it answers. */
export interface ReplyHead {
  readonly applicationId: string;
  readonly createdAt: Date;
  /** bezug/vorgang: the authority's file number, if the message names it. */
  readonly caseNumber: string | null;
  readonly nachrichtenUUID: string;
  readonly authorityId: string;
}

export type HeadRejection = {
  readonly kind: 'rejected';
  readonly code:
    | 'XBAU_REPLY_INCOMPLETE'
    | 'XBAU_REPLY_UNCORRELATED'
    | 'XBAU_REPLY_WRONG_READER'
    | 'XBAU_REPLY_NO_AUTHOR';
  readonly reason: string;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Pure: the head and bezug of a message from the authority, checked. The application is found by
 * `bezug/referenz`, which carries the `referenzAntragsservice` (application id) of the 0200.
 * The head must name the portal (`portalId`, DVDV) as reader and some authority as author; the
 * author travels on as `authorityId` for the checks against the delivery and the routing.
 */
export function replyHead(
  reply: ParsedXml,
  portalId: string,
): { readonly kind: 'head'; readonly head: ReplyHead } | HeadRejection {
  const { rootName, root } = reply;
  const head = child(root, 'nachrichtenkopf.g2g');
  const reader = text(child(head, 'leser'), 'kennung');
  const author = text(child(head, 'autor'), 'kennung');
  const nachrichtenUUID = text(child(head, 'identifikation.nachricht'), 'nachrichtenUUID');
  const createdAt = text(child(head, 'identifikation.nachricht'), 'erstellungszeitpunkt');
  const bezug = child(root, 'bezug');
  const referenz = text(bezug, 'referenz');
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
  return {
    kind: 'head',
    head: {
      applicationId: referenz.toLowerCase(),
      createdAt: new Date(createdAt),
      caseNumber: text(bezug, 'vorgang') ?? null,
      nachrichtenUUID,
      authorityId: author,
    },
  };
}

function rejected(code: HeadRejection['code'], reason: string): HeadRejection {
  return { kind: 'rejected', code, reason };
}
