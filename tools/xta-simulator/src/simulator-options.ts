import type { SimulatorRole } from './simulated-authority.js';

/** A window in which the simulated authority is down (connections are reset). */
export interface DowntimeWindow {
  /** Epoch milliseconds. */
  readonly from: number;
  readonly to: number;
}

/** Misbehaviour on demand; set at start or changed at runtime via `PUT /admin/faults`. */
export interface FaultConfig {
  /** Added before every answer. */
  readonly latencyMs?: number;
  /** The next N SOAP requests are answered with HTTP 503 and no SOAP body. */
  readonly http5xx?: number;
  /** The next N SOAP requests are answered with an XTAWSTechnicalProblemException fault. */
  readonly technicalProblem?: number;
  /**
   * The next N sendMessage requests are answered with a PermissionDeniedException fault: the
   * authority refuses the sender, which no retry cures (how to test a delivery that fails for good).
   * Other operations (the message box) go on working.
   */
  readonly refusedSends?: number;
  /**
   * Every sendMessage whose XÖV message contains this text (e.g. an applicant's unique name) is
   * refused the same way. Unlike `refusedSends`, no other sender's message uses the refusal up:
   * tests on a shared platform, where other runs' requests reach this server too, use this.
   */
  readonly refusedSendsMentioning?: string;
  /**
   * The next N sendMessage requests are delivered, then the connection is cut before the answer:
   * the sender cannot tell whether the message arrived (a timeout or a network break after the
   * server took it). A sender that simply sends again delivers twice.
   */
  readonly lostSendAnswers?: number;
  readonly downtime?: readonly DowntimeWindow[];
  /** Every reply is put into the message box twice (under two XTA message ids). */
  readonly duplicateReplies?: boolean;
}

export interface ReplyDelays {
  /** After the 0200 arrives: 1120 receipt (Eingangsbestätigung). */
  readonly receiptMs: number;
  /** After the receipt: 1121 case number (Aktenzeichen). */
  readonly caseNumberMs: number;
  /** Between two 1170 statuses for the portal. */
  readonly statusMs: number;
}

export interface XtaSimulatorOptions {
  /** 0 picks a free port (tests); the CLI uses a fixed one. */
  readonly port: number;
  /**
   * `building-authority` (default): answers every 0200 with 1120, 1121 and 1170s.
   * `message-box`: an XTA account of its own (e.g. the health office's), whose box holds every
   * valid message sent to it, unanswered, so that an XWasser report never lands in the box the
   * XBau connector reads.
   */
  readonly role?: SimulatorRole;
  readonly host?: string;
  readonly replyDelaysMs?: Partial<ReplyDelays>;
  /** Codes of urn:xoev-de:xbau:codeliste:statusbauportal (3.0) sent as 1170, in order. */
  readonly statusSequence?: readonly string[];
  readonly faults?: FaultConfig;
  /**
   * Validate every request against the official XTA 2 XSDs and refuse invalid ones with
   * ParameterIsNotValidException; check every answer the same way. Default true.
   */
  readonly strict?: boolean;
  /** Largest status-list page (getStatusList, getNextStatusList), default 100. */
  readonly statusListPageSize?: number;
  /** Larger request bodies are refused with HTTP 413, default 20 MiB. */
  readonly maxRequestBytes?: number;
  /** Called with every SOAP exchange as it went over the wire (conformance tests record them). */
  readonly onExchange?: (exchange: SoapExchange) => void;
}

/** One POST to the SOAP endpoint: the request body and the answer, byte for byte. */
export interface SoapExchange {
  readonly request: string;
  readonly response: string;
  readonly status: number;
}

export const defaultReplyDelays: ReplyDelays = { receiptMs: 50, caseNumberMs: 50, statusMs: 50 };
/** Receipt confirmed, documents requested, documents received, permit granted. */
export const defaultStatusSequence = ['14', '17', '18', '10'] as const;
