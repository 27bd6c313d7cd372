// Generated from contracts/schemas/procedure/document-issued.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The authority issued a document for an application (XBau 0205 Bescheid with the notice as an attachment); the document travels inline, at most 512 KiB (ADR 0025).
 */
export interface DocumentIssued {
  /**
   * The application this document belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * Derived from the authority's message and the attachment's place in it: the same document read twice has the same id.
   */
  readonly documentId: string;
  /**
   * When the authority created the message that carried the document (UTC).
   */
  readonly issuedAt: Date;
  /**
   * What the document is, from the message that carried it (0205 tenor/istGenehmigung).
   */
  readonly kind: DocumentKind;
  /**
   * The authority's title of the document (anlage/bezeichnung); contains no personal data.
   */
  readonly title: string;
  /**
   * File name as the authority sent it; may name people.
   * @personalData
   */
  readonly fileName: string;
  /**
   * IANA media type, e.g. application/pdf.
   */
  readonly mediaType: string;
  /**
   * Size of content in bytes.
   */
  readonly sizeBytes: number;
  /**
   * SHA-512 of content, 128 lower-case hex digits, checked when the document was read.
   */
  readonly sha512: string;
  /**
   * The document itself, at most 512 KiB; a larger one is dead-lettered by the reader.
   * @personalData
   */
  readonly content: Buffer;
  /**
   * The authority's file number (Aktenzeichen), if the message named it.
   */
  readonly caseNumber: null | string;
  /**
   * The nachrichtenUUID of the message that carried the document.
   */
  readonly nachrichtenUUID: string;
  /**
   * The XBau version of the message.
   */
  readonly standardVersion: string;
  /**
   * The authority that issued the document (XÖV head autor), e.g. its DVDV id.
   */
  readonly authorityId: string;
}

/**
 * What the document is: a permit notice (Baugenehmigung), a refusal notice (Ablehnungsbescheid), or another document.
 */
export type DocumentKind = 'PERMIT_NOTICE' | 'REFUSAL_NOTICE' | 'OTHER';
