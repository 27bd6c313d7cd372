// Generated from contracts/schemas/health/lab-report-received.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Sample } from '../health/sample.js';

/**
 * An accredited lab's drinking-water report (XWasser vorgang.transportieren.2010 with a Prüfbericht) reached the health office, valid and acknowledged (administration.quittung.0020).
 */
export interface LabReportReceived {
  /**
   * The examination this report belongs to (XWasser vorgangsID); also the Kafka key.
   */
  readonly caseId: string;
  /**
   * The lab's pruefberichtUUID.
   */
  readonly reportId: string;
  /**
   * The report's versionsnummer (1, then higher for corrections).
   */
  readonly reportVersion: number;
  /**
   * The nachrichtenUUID of the 2010 message; makes the event idempotent.
   */
  readonly nachrichtenUUID: string;
  /**
   * When the connector took the report from the health office's XTA message box (UTC).
   */
  readonly receivedAt: Date;
  /**
   * When the lab released the report (zeitpunktValidierungPruefbericht, UTC).
   */
  readonly validatedAt: Date;
  /**
   * The lab's SHAPTH id (zugelasseneUntersuchungsstelleID).
   */
  readonly labId: string;
  /**
   * The lab's DVDV id (nachrichtenkopf autor/kennung); answers go there.
   */
  readonly labDvdvId: string;
  /**
   * The order number (auftragsnummer).
   */
  readonly orderNumber: string;
  /**
   * The sampling point's name (nameProbennahmestelle), e.g. the tap in a house; may name a place where people live.
   * @personalData
   */
  readonly samplingPointName: string;
  /**
   * kategorie-probennahmestelle (version 3), e.g. 1010 Zapfhahn.
   */
  readonly samplingPointCategory: string;
  /**
   * Every sample of the report with its measured parameters.
   */
  readonly samples: readonly Sample[];
  /**
   * Version of urn:xoev-de:xwasser:codeliste:shapth-parameter the parameter codes come from.
   */
  readonly parameterListVersion: string;
  /**
   * The limit table the measurements were judged by.
   */
  readonly limitTableVersion: string;
  /**
   * How many measurements are above their limit (each also a health.limit-exceeded.v1 event).
   */
  readonly limitsExceeded: number;
  /**
   * The citizen's application the examination was ordered for (through the hub's lab order); null for reports the health office ordered itself.
   */
  readonly applicationId: null | string;
  /**
   * The XWasser version of the message, e.g. 1.0.0.
   */
  readonly standardVersion: string;
}
