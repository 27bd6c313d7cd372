// Generated from contracts/schemas/procedure/application-delivered.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { XoevStandard } from '../common/xoev-standard.js';

/**
 * The XÖV message with the application reached the authority's XTA server.
 */
export interface ApplicationDelivered {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * When the transport confirmed the delivery (UTC).
   */
  readonly deliveredAt: Date;
  /**
   * The XTA/DVDV identifier of the receiving authority.
   */
  readonly recipientAuthorityId: string;
  /**
   * The XTA transport message id (MessageID of sendMessage).
   */
  readonly transportMessageId: string;
  /**
   * The XÖV nachrichtenUUID from the message header; derived from the event id, so a resend carries the same one.
   */
  readonly nachrichtenUUID: string;
  /**
   * The XÖV standard of the message.
   */
  readonly standard: XoevStandard;
  /**
   * The standard version, e.g. 2.6.
   */
  readonly standardVersion: string;
  /**
   * The XÖV message type, e.g. baugenehmigung.antrag.0200.
   */
  readonly messageType: string;
}
