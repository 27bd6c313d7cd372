import type { JWK } from 'jose';
import { postboxTitle } from '@hub/citizen-notices';
import type { topics, TopicValue } from '@hub/contracts';
import {
  sha512Hex,
  signAuthorToken,
  zbpSchemas,
  type StorkQaaLevel,
  type ZbpEnvelope,
  type ZbpStatusContent,
} from '@hub/zbp';

export type CitizenStatusChanged = TopicValue<typeof topics.citizenStatusChanged>;

/** Who sends, for which service, at which authentication level, signed with which key. */
export interface Author {
  readonly sender: string;
  readonly service: string;
  readonly storkQaaLevel: StorkQaaLevel;
  readonly privateKey: JWK;
}

/**
 * PURE but for the signature: a status change → its status_v6 envelope. The content and the id
 * depend only on the event, so a resend is the same message (same id, same checksum) to the ZBP.
 */
export async function statusEnvelope(
  event: CitizenStatusChanged,
  mailboxUuid: string,
  messageId: string,
  author: Author,
): Promise<ZbpEnvelope> {
  const content: ZbpStatusContent = {
    reference: event.applicationId,
    status: event.state === 'UNKNOWN' ? 'PROCESSING' : event.state,
    statusText: event.statusText,
    actionText: event.actionText,
    caseNumber: event.caseNumber,
    changedAt: event.changedAt.toISOString(),
    sequence: event.sequence,
  };
  const text = JSON.stringify(content);
  const sha512sum = sha512Hex(text);
  return {
    schema: zbpSchemas.status,
    messageId,
    mailboxUuid,
    storkQaaLevel: author.storkQaaLevel,
    sender: author.sender,
    service: author.service,
    title: postboxTitle(event.actionRequired),
    content: text,
    sha512sum,
    authorToken: await signAuthorToken(author.privateKey, {
      messageId,
      sha512sum,
      sender: author.sender,
    }),
    createdAt: event.changedAt.toISOString(),
  };
}
