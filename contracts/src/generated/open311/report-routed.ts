// Generated from contracts/schemas/open311/report-routed.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * A defect report (Open311 service request) goes to the office responsible for it; the office's procedure adapter delivers it. Contact data of the reporter never travels: it stays in the Open311 gateway.
 */
export interface ReportRouted {
  /**
   * The Open311 service_request_id the hub assigned; also the Kafka key.
   */
  readonly serviceRequestId: string;
  /**
   * When the category was settled and the report routed (UTC).
   */
  readonly routedAt: Date;
  /**
   * When the citizen submitted the report (Open311 requested_datetime, UTC).
   */
  readonly requestedAt: Date;
  /**
   * The Open311 service_code (defect category), e.g. strassenschaden.
   */
  readonly serviceCode: string;
  /**
   * The office the report is routed to (Open311 agency_responsible).
   */
  readonly agencyResponsible: string;
  /**
   * The citizen's description with names, phone numbers, e-mail addresses and licence plates masked; may still hold personal data the masking missed.
   * @personalData
   */
  readonly description: string;
  /**
   * WGS84 latitude of the defect, if given.
   */
  readonly lat: null | number;
  /**
   * WGS84 longitude of the defect, if given.
   */
  readonly long: null | number;
  /**
   * The defect's address as the citizen wrote it, if given instead of or beside coordinates.
   */
  readonly addressString: null | string;
  /**
   * A photo of the defect (Open311 media_url), if given.
   */
  readonly mediaUrl: null | string;
  /**
   * Who settled the category.
   */
  readonly decidedBy: CategoryDecidedBy;
  /**
   * The classifier's confidence in its proposal (0..1), if it made one.
   */
  readonly confidence: null | number;
  /**
   * The words of the masked description that drove the classifier's proposal, strongest first; empty without one.
   */
  readonly evidence: readonly string[];
}

/**
 * Who settled the category: the citizen's service_code, the classifier above the review threshold, or staff in the review queue.
 */
export type CategoryDecidedBy = 'UNKNOWN' | 'CITIZEN' | 'CLASSIFIER' | 'STAFF';
