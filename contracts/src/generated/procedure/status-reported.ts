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
   * The directory-service identity (e.g. DVDV 'bab:05913000') of the authority that authored the reply, as read from the XÖV head (nachrichtenkopf.g2g/autor) and, where the XTA metadata carries it, checked against the XTA originator. The case router accepts the status only from the authority the case was routed to; null for events written before replies were authenticated.
   */
  readonly authorityId: null | string;
}
