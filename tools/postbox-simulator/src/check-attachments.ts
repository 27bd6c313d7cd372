import {
  describeAttachment,
  sha512Hex,
  type ZbpAttachment,
  type ZbpAttachmentDescription,
} from '@hub/zbp';

export interface AttachmentProblem {
  readonly path: string;
  readonly reason: string;
}

/**
 * The attachments of a message_v6 as the postbox checks them: each one's bytes are the size and
 * SHA-512 it claims, and the signed content describes exactly these attachments, in this order,
 * so the author token (over the content) vouches for the documents too.
 */
export function attachmentProblem(
  attachments: readonly ZbpAttachment[],
  described: readonly ZbpAttachmentDescription[],
): AttachmentProblem | null {
  for (const [index, attachment] of attachments.entries()) {
    const bytes = Buffer.from(attachment.data, 'base64');
    if (bytes.length !== attachment.size)
      return {
        path: `attachments.${index}.size`,
        reason: `differs from the ${bytes.length} bytes of data`,
      };
    if (sha512Hex(bytes) !== attachment.sha512sum)
      return {
        path: `attachments.${index}.sha512sum`,
        reason: 'does not match the SHA-512 of data',
      };
  }
  const sent = attachments.map(describeAttachment);
  if (JSON.stringify(sent) !== JSON.stringify(described))
    return { path: 'content.attachments', reason: 'differs from the attachments of the envelope' };
  return null;
}
