import type { JWK } from 'jose';
import {
  sha512Hex,
  signAuthorToken,
  type StorkQaaLevel,
  type ZbpAttachment,
  type ZbpEnvelope,
} from '@hub/zbp';

/** Who sends, for which service, at which authentication level, signed with which key. */
export interface Author {
  readonly sender: string;
  readonly service: string;
  readonly storkQaaLevel: StorkQaaLevel;
  readonly privateKey: JWK;
}

/** What differs between a status and a message envelope; the rest is the author's. */
export interface EnvelopeParts {
  readonly schema: ZbpEnvelope['schema'];
  readonly messageId: string;
  readonly mailboxUuid: string;
  readonly title: string;
  readonly content: object;
  readonly createdAt: Date;
  readonly attachments?: readonly ZbpAttachment[];
}

/**
 * The envelope around a content: the content as a JSON string, its SHA-512, and the author token
 * over message id, sender and checksum. Everything but the token's signature depends only on the
 * parts, so a resend is the same message (same id, same checksum) to the ZBP.
 */
export async function signedEnvelope(parts: EnvelopeParts, author: Author): Promise<ZbpEnvelope> {
  const text = JSON.stringify(parts.content);
  const sha512sum = sha512Hex(text);
  return {
    schema: parts.schema,
    messageId: parts.messageId,
    mailboxUuid: parts.mailboxUuid,
    storkQaaLevel: author.storkQaaLevel,
    sender: author.sender,
    service: author.service,
    title: parts.title,
    content: text,
    sha512sum,
    authorToken: await signAuthorToken(author.privateKey, {
      messageId: parts.messageId,
      sha512sum,
      sender: author.sender,
    }),
    createdAt: parts.createdAt.toISOString(),
    ...(parts.attachments ? { attachments: [...parts.attachments] } : {}),
  };
}
