// Generated from contracts/schemas/procedure/status-reported.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * The authority reported the processing status of an application (XBau message 1170, status for the portal).
 */
export interface StatusReported {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * When the authority created the status message (UTC).
   */
  readonly reportedAt: Date;
  /**
   * The status code from the XBau code list of message 1170.
   */
  readonly statusCode: string;
  /**
   * The authority's status text as sent; contains no personal data.
   */
  readonly statusText: string;
  /**
   * The authority's file number (Aktenzeichen), once assigned.
   */
  readonly caseNumber: null | string;
  /**
   * The nachrichtenUUID of the status message; makes the event idempotent.
   */
  readonly nachrichtenUUID: string;
  /**
   * The XBau version of the message.
   */
  readonly standardVersion: string;
  /**
   * The authority that sent the reply (XÖV head autor), e.g. its DVDV id; null for events from before this field.
   */
  readonly authorityId: null | string;
}
