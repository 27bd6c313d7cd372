import { postboxTitle } from '@hub/citizen-notices';
import type { topics, TopicValue } from '@hub/contracts';
import { zbpSchemas, type ZbpEnvelope, type ZbpStatusContent } from '@hub/zbp';
import { signedEnvelope, type Author } from './signed-envelope.js';

export type CitizenStatusChanged = TopicValue<typeof topics.citizenStatusChanged>;

/**
 * PURE but for the signature: a status change → its status_v6 envelope. The content and the id
 * depend only on the event, so a resend is the same message (same id, same checksum) to the ZBP.
 */
export function statusEnvelope(
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
  return signedEnvelope(
    {
      schema: zbpSchemas.status,
      messageId,
      mailboxUuid,
      title: postboxTitle(event.actionRequired),
      content,
      createdAt: event.changedAt,
    },
    author,
  );
}
