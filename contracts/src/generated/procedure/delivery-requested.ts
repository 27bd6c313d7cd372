// Generated from contracts/schemas/procedure/delivery-requested.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { XoevStandard } from '../common/xoev-standard.js';
import type { ApplicationSubmitted } from '../portal/application-submitted.js';

/**
 * Command to a procedure connector: deliver the application to the responsible authority's specialist procedure as an XÖV message.
 */
export interface DeliveryRequested {
  /**
   * The application this event belongs to; also the Kafka key.
   */
  readonly applicationId: string;
  /**
   * When the case router requested the delivery (UTC).
   */
  readonly requestedAt: Date;
  /**
   * The authority whose procedure receives the application (the reader of the message), from the route.
   */
  readonly recipient: Authority;
  /**
   * The hub's identity the message names as its author, from the route; null in requests from before routes named it, when the connector's configured identity applies.
   */
  readonly author: null | Authority;
  /**
   * The XÖV standard the procedure speaks.
   */
  readonly standard: XoevStandard;
  /**
   * The standard version the authority accepts, e.g. 2.6 (XBau).
   */
  readonly standardVersion: string;
  /**
   * The XÖV message to send, from the route, e.g. baugenehmigung.antrag.0200.
   */
  readonly messageType: string;
  /**
   * The application as submitted, so the connector needs no other source.
   */
  readonly application: ApplicationSubmitted;
}

/**
 * An authority reachable through XTA.
 */
export interface Authority {
  /**
   * The authority's XTA/DVDV identifier, prefix and value, e.g. bau:05913000.
   */
  readonly authorityId: string;
  /**
   * The authority's name, for operators.
   */
  readonly name: string;
}
