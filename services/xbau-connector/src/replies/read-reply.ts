import type { DocumentIssued } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { parseXml, type XoevValidator } from '@hub/xoev';
import { rejectionReasons } from '../validation-reasons.js';
import type { DeliveredRecipients } from './delivered-recipients.js';
import type { BoxAttachment, BoxRejection as ReplyRejection } from '@hub/message-box';
import { bescheidMessage, toDocumentsIssued } from './to-document-issued.js';
import { toStatusReported, type ReplyOutcome, type StatusTexts } from './to-status-reported.js';

export interface ReplyReadingDependencies {
  readonly validator: XoevValidator;
  readonly texts: StatusTexts;
  /** The portal's own DVDV id: every reply must name it as reader. */
  readonly portalId: string;
  /** Largest reply taken in; anything larger is dead-lettered (see deadLetterCapacity). */
  readonly maxBytes: number;
  readonly recipients: Pick<DeliveredRecipients, 'authorityOf' | 'traceOf'>;
}

/** What a reply becomes: a status event, the documents of a Bescheid, or a rejection. */
export type ReadReply =
  | Extract<ReplyOutcome, { kind: 'status' }>
  | Extract<ReturnType<typeof toDocumentsIssued>, { kind: 'documents' }>
  | ({ readonly kind: 'rejected' } & ReplyRejection);

/**
 * One fetched reply (with the documents beside it) → its status event or document events, or why not: empty, too large, not XML, not valid, not a
 * reply the connector knows, not addressed to the portal, or not written by the authority its
 * application was delivered to. Only a retryable error (the validator's infrastructure, the
 * database) is thrown: everything about the reply itself is a rejection.
 */
export async function readReply(
  xml: string,
  attachments: readonly BoxAttachment[],
  deps: ReplyReadingDependencies,
): Promise<ReadReply> {
  if (xml.trim() === '') return rejected('XBAU_REPLY_EMPTY', 'the reply has no content');
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > deps.maxBytes)
    return rejected('XBAU_REPLY_TOO_LARGE', `reply is ${bytes} bytes, at most ${deps.maxBytes}`);

  const outcome = await interpret(xml, attachments, deps);
  if (outcome.kind === 'rejected') return outcome;
  const [{ applicationId, authorityId }] =
    outcome.kind === 'status' ? [outcome.event] : (outcome.events as [DocumentIssued]);
  const deliveredTo = await deps.recipients.authorityOf(applicationId);
  if (deliveredTo === undefined)
    return rejected('XBAU_REPLY_UNCORRELATED', 'no application with this reference was delivered');
  if (deliveredTo !== authorityId)
    return rejected(
      'XBAU_REPLY_FOREIGN_AUTHOR',
      'the author is not the authority the application was delivered to',
    );
  return outcome;
}

async function interpret(
  xml: string,
  attachments: readonly BoxAttachment[],
  deps: ReplyReadingDependencies,
): Promise<ReadReply> {
  try {
    const validation = await deps.validator.validate(xml);
    if (!validation.valid)
      return rejected(
        'XOEV_INVALID',
        `${validation.messageName} is invalid against ${validation.schemaSet}:\n${rejectionReasons(validation.reasons)}`,
      );
    const reply = await parseXml(xml);
    return reply.rootName === bescheidMessage
      ? toDocumentsIssued(reply, attachments, deps.portalId)
      : toStatusReported(reply, deps.texts, deps.portalId);
  } catch (error) {
    // Malformed, forbidden DTD, unknown schema, a parser tripping over the input: the reply is
    // the problem, and it stays one however often it is read.
    if (error instanceof HubError && error.retryable) throw error;
    if (error instanceof HubError) return rejected(error.code, error.message);
    return rejected('XBAU_REPLY_UNREADABLE', error instanceof Error ? error.message : 'unknown');
  }
}

function rejected(code: string, reason: string): ReadReply {
  return { kind: 'rejected', code, reason };
}
