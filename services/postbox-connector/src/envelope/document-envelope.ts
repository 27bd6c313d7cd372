import { documentNotices } from '@hub/citizen-notices';
import type { DocumentIssued } from '@hub/contracts';
import {
  describeAttachment,
  zbpSchemas,
  type ZbpAttachment,
  type ZbpEnvelope,
  type ZbpMessageContent,
} from '@hub/zbp';
import { signedEnvelope, type Author } from './signed-envelope.js';

/**
 * PURE but for the signature: a document the authority issued → a message_v6 envelope with the
 * document as its attachment and the notice text beside it. The content describes the attachment
 * (name, type, size, SHA-512), so the author token vouches for the document too; id and content
 * depend only on the event, so a resend is the same message to the ZBP.
 */
export function documentEnvelope(
  event: DocumentIssued,
  mailboxUuid: string,
  messageId: string,
  author: Author,
): Promise<ZbpEnvelope> {
  const attachment: ZbpAttachment = {
    filename: event.fileName,
    mimeType: event.mediaType,
    size: event.sizeBytes,
    sha512sum: event.sha512,
    data: event.content.toString('base64'),
  };
  const notice = documentNotices[event.kind];
  const content: ZbpMessageContent = {
    reference: event.applicationId,
    text: notice.text,
    caseNumber: event.caseNumber,
    sentAt: event.issuedAt.toISOString(),
    attachments: [describeAttachment(attachment)],
  };
  return signedEnvelope(
    {
      schema: zbpSchemas.message,
      messageId,
      mailboxUuid,
      title: notice.title,
      content,
      createdAt: event.issuedAt,
      attachments: [attachment],
    },
    author,
  );
}
