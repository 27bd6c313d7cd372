import { createHash } from 'node:crypto';
import { documentContentMaxBytes, type DocumentIssued } from '@hub/contracts';
import { outboundId } from '@hub/kit';
import type { BoxAttachment } from '@hub/message-box';
import type { ParsedXml, XmlObject } from '@hub/xoev';
import { replyHead, type HeadRejection, type ReplyHead } from './reply-head.js';
import { attribute, child, children, text } from './xml-paths.js';

export type DocumentsOutcome =
  | { readonly kind: 'documents'; readonly events: readonly DocumentIssued[] }
  | HeadRejection
  | {
      readonly kind: 'rejected';
      readonly code:
        | 'XBAU_REPLY_UNKNOWN'
        | 'XBAU_DOCUMENT_MISSING'
        | 'XBAU_DOCUMENT_MISMATCH'
        | 'XBAU_DOCUMENT_TOO_LARGE';
      readonly reason: string;
    };

type DocumentRejection = Extract<DocumentsOutcome, { kind: 'rejected' }>;

/** The message that carries a Bescheid with its documents, in the XBau releases the hub speaks. */
export const bescheidMessage = 'baugenehmigung.bescheid.0205';

/**
 * Pure: an XSD-valid XBau 0205 (Bescheid) and the documents beside it in its XTA container →
 * one document event per attached document, or why not. Each
 *   xbau:anlagen/anlage/anhangOderVerlinkung/anhang (dokumentid = cid:<xta:Attachment/@id>,
 *   dateiname, @filesize, @hashValue)
 * must name an attachment of the container whose bytes are the size and SHA-512 it states; a
 * linked (verlinkung) anlage has no bytes here and is passed over. The kind comes from
 * xbau:bescheid/tenor/istGenehmigung. The document id is derived from the message and the
 * anlage's place in it, so reading the same 0205 again yields the same events.
 */
export function toDocumentsIssued(
  reply: ParsedXml,
  attachments: readonly BoxAttachment[],
  portalId: string,
): DocumentsOutcome {
  const { rootName, root } = reply;
  const standardVersion = attribute(root, 'version');
  if (rootName !== bescheidMessage || (standardVersion !== '2.5' && standardVersion !== '2.6'))
    return rejected('XBAU_REPLY_UNKNOWN', `not a Bescheid the connector handles: ${rootName}`);
  const read = replyHead(reply, portalId);
  if (read.kind === 'rejected') return read;
  const granted = text(child(child(root, 'bescheid'), 'tenor'), 'istGenehmigung');
  const kind =
    granted === 'true' ? 'PERMIT_NOTICE' : granted === 'false' ? 'REFUSAL_NOTICE' : 'OTHER';
  const events: DocumentIssued[] = [];
  for (const [index, anlage] of children(child(root, 'anlagen'), 'anlage').entries()) {
    const anhang = child(child(anlage, 'anhangOderVerlinkung'), 'anhang');
    if (!anhang) continue;
    const document = documentOf(anlage, anhang, attachments, index);
    if (document.kind === 'rejected') return document;
    events.push({
      ...eventBase(read.head, standardVersion),
      documentId: outboundId(`${read.head.nachrichtenUUID}:${index}`, 'xbau-document'),
      kind,
      ...document.fields,
    });
  }
  if (events.length === 0)
    return rejected('XBAU_DOCUMENT_MISSING', `${rootName} carries no attached document`);
  return { kind: 'documents', events };
}

type DocumentFields = Pick<
  DocumentIssued,
  'title' | 'fileName' | 'mediaType' | 'sizeBytes' | 'sha512' | 'content'
>;

function documentOf(
  anlage: XmlObject,
  anhang: XmlObject,
  attachments: readonly BoxAttachment[],
  index: number,
): { readonly kind: 'document'; readonly fields: DocumentFields } | DocumentRejection {
  const where = `anlage ${index + 1}`;
  const reference = /^cid:(.+)$/.exec(text(anhang, 'dokumentid') ?? '')?.[1];
  const attachment = attachments.find((candidate) => candidate.id === reference);
  if (reference === undefined || attachment === undefined)
    return rejected(
      'XBAU_DOCUMENT_MISSING',
      `${where}: dokumentid names no attachment of the message`,
    );
  const { bytes } = attachment;
  if (bytes.length > documentContentMaxBytes)
    return rejected(
      'XBAU_DOCUMENT_TOO_LARGE',
      `${where} is ${bytes.length} bytes, at most ${documentContentMaxBytes} travel inline`,
    );
  const sha512 = createHash('sha512').update(bytes).digest('hex');
  const statedHash = attribute(anhang, 'hashValue')?.toLowerCase();
  const statedSize = attribute(anhang, 'filesize');
  if (statedHash !== undefined && statedHash !== sha512)
    return rejected('XBAU_DOCUMENT_MISMATCH', `${where}: the attachment is not its hashValue`);
  if (statedSize !== undefined && Number(statedSize) !== bytes.length)
    return rejected('XBAU_DOCUMENT_MISMATCH', `${where}: the attachment is not its filesize`);
  const fileName = text(anhang, 'dateiname') ?? attachment.filename ?? `anlage-${index + 1}`;
  return {
    kind: 'document',
    fields: {
      title: text(anlage, 'bezeichnung') ?? 'Bescheid',
      fileName,
      mediaType: text(child(anlage, 'mimeType'), 'code') ?? attachment.contentType,
      sizeBytes: bytes.length,
      sha512,
      content: bytes,
    },
  };
}

function eventBase(head: ReplyHead, standardVersion: string) {
  return {
    applicationId: head.applicationId,
    issuedAt: head.createdAt,
    caseNumber: head.caseNumber,
    nachrichtenUUID: head.nachrichtenUUID,
    standardVersion,
    authorityId: head.authorityId,
  };
}

function rejected(code: DocumentRejection['code'], reason: string): DocumentRejection {
  return { kind: 'rejected', code, reason };
}
