import { createHash } from 'node:crypto';
import avro from 'avsc';
import { z } from 'zod';
import { schemaType } from '@hub/contracts';

/**
 * The ZBP (Zentrales Bürgerpostfach, BundID) envelope the hub sends and the simulator accepts.
 * No official schema is in the repository: this follows the public FIT-Connect/ZBP description of
 * `urn:schema-fitko-de:fit-connect:id.bund.de` message_v6 (a message: a notice, a permit) and
 * status_v6 (an application status for the status monitor): the content travels as a JSON
 * string, `sha512sum` is the hex SHA-512 of that string's UTF-8 bytes, and `authorToken` is a JWS
 * by the sending authority over the message id and checksum. What is assumed: README of
 * `@hub/zbp` and the postbox ADR.
 */
export const zbpSchemas = {
  message: 'urn:schema-fitko-de:fit-connect:id.bund.de:message_v6',
  status: 'urn:schema-fitko-de:fit-connect:id.bund.de:status_v6',
} as const;

/** eIDAS/STORK quality of authentication the citizen must have used to open the message. */
export const storkQaaLevels = [
  'STORK-QAA-Level-1',
  'STORK-QAA-Level-2',
  'STORK-QAA-Level-3',
  'STORK-QAA-Level-4',
] as const;
export type StorkQaaLevel = (typeof storkQaaLevels)[number];

/**
 * Statuses of status_v6: the hub's citizen states, which are modelled on the federal status
 * monitor (`case/citizen-status-changed`), read from the contract so the two cannot drift.
 */
export const zbpStatuses = citizenStates();

function citizenStates(): [string, ...string[]] {
  const record = schemaType('case/citizen-status-changed');
  const state = record instanceof avro.types.RecordType ? record.field('state').type : undefined;
  if (!(state instanceof avro.types.EnumType))
    throw new Error('case/citizen-status-changed has no enum field state');
  const symbols: readonly string[] = state.symbols;
  return symbols.filter((symbol) => symbol !== 'UNKNOWN') as [string, ...string[]];
}

const text = (max: number) => z.string().min(1).max(max);

/** Largest document a message_v6 carries; the envelope with it stays below the postbox's 1 MiB. */
export const zbpAttachmentMaxBytes = 512 * 1024;

const sha512sum = z.string().regex(/^[0-9a-f]{128}$/, 'lower-case hex SHA-512 (128 characters)');

/** What the message content says about each attachment; the signed content so binds the bytes. */
export const zbpAttachmentDescriptionSchema = z.strictObject({
  filename: text(255).regex(/^[^/\\\p{Cc}]+$/u, 'a file name without path or control characters'),
  mimeType: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]{1,100}$/, 'a media type such as application/pdf'),
  size: z.number().int().min(1).max(zbpAttachmentMaxBytes),
  sha512sum,
});
export type ZbpAttachmentDescription = z.infer<typeof zbpAttachmentDescriptionSchema>;

/** An attachment of a message_v6 envelope: its description and the bytes, base64. */
export const zbpAttachmentSchema = zbpAttachmentDescriptionSchema.extend({
  data: z.base64().max(Math.ceil(zbpAttachmentMaxBytes / 3) * 4),
});
export type ZbpAttachment = z.infer<typeof zbpAttachmentSchema>;

/** What the content says about an attachment: all of it but the bytes. */
export function describeAttachment(attachment: ZbpAttachment): ZbpAttachmentDescription {
  const { filename, mimeType, size, sha512sum } = attachment;
  return { filename, mimeType, size, sha512sum };
}

export const zbpEnvelopeSchema = z.strictObject({
  schema: z.enum([zbpSchemas.message, zbpSchemas.status]),
  messageId: z.uuid(),
  mailboxUuid: text(200),
  storkQaaLevel: z.enum(storkQaaLevels),
  sender: text(200),
  service: text(200),
  title: text(255),
  content: text(100_000),
  sha512sum,
  authorToken: z
    .string()
    .max(8_192)
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'a compact JWS'),
  createdAt: z.iso.datetime({ offset: true }),
  /** message_v6 only: the documents, each described in the content by name, type, size and hash. */
  attachments: z.array(zbpAttachmentSchema).min(1).max(10).optional(),
});
export type ZbpEnvelope = z.infer<typeof zbpEnvelopeSchema>;

/** status_v6 content: what the status monitor shows for one application. */
export const zbpStatusContentSchema = z.strictObject({
  reference: text(200),
  status: z.enum(zbpStatuses),
  statusText: text(4_000),
  actionText: text(4_000).nullable(),
  caseNumber: text(200).nullable(),
  changedAt: z.iso.datetime({ offset: true }),
  sequence: z.number().int().nonnegative(),
});
export type ZbpStatusContent = z.infer<typeof zbpStatusContentSchema>;

/** message_v6 content: a notice to the citizen about one application, with its documents. */
export const zbpMessageContentSchema = z.strictObject({
  reference: text(200),
  text: text(10_000),
  caseNumber: text(200).nullable(),
  sentAt: z.iso.datetime({ offset: true }),
  attachments: z.array(zbpAttachmentDescriptionSchema).max(10),
});
export type ZbpMessageContent = z.infer<typeof zbpMessageContentSchema>;

/** Lower-case hex SHA-512 of a string's UTF-8 bytes, or of bytes. */
export function sha512Hex(content: string | Uint8Array): string {
  return typeof content === 'string'
    ? createHash('sha512').update(content, 'utf8').digest('hex')
    : createHash('sha512').update(content).digest('hex');
}
