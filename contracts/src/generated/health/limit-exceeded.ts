// Generated from contracts/schemas/health/limit-exceeded.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * A measured value in a drinking-water lab report is above its limit (Grenzwert of the Trinkwasserverordnung): the health office must act.
 */
export interface LimitExceeded {
  /**
   * The examination (XWasser vorgangsID); also the Kafka key.
   */
  readonly caseId: string;
  /**
   * The lab's pruefberichtUUID.
   */
  readonly reportId: string;
  /**
   * The sample (probeID) the value was measured in.
   */
  readonly sampleId: string;
  /**
   * The measurement (analyseergebnisParameterID); one event per measurement.
   */
  readonly measurementId: string;
  /**
   * The parameter's SHAPTH code.
   */
  readonly parameterCode: string;
  /**
   * The parameter's name, e.g. Blei.
   */
  readonly parameterName: string;
  /**
   * The measured value.
   */
  readonly value: number;
  /**
   * The unit of value and limit, e.g. mg/l.
   */
  readonly unit: string;
  /**
   * The limit the value is above.
   */
  readonly limitValue: number;
  /**
   * Where the limit comes from, e.g. TrinkwV 2023 Anlage 2 Teil II.
   */
  readonly limitSource: string;
  /**
   * How urgently the health office must act (from the limit table).
   */
  readonly priority: LimitPriority;
  /**
   * When the connector judged the report (UTC).
   */
  readonly detectedAt: Date;
  /**
   * The limit table the value was judged by.
   */
  readonly limitTableVersion: string;
}

/**
 * How urgently the health office must act: CRITICAL for microbiological limits (acute risk), HIGH for chemical limits, NORMAL for indicator parameters.
 */
export type LimitPriority = 'NORMAL' | 'HIGH' | 'CRITICAL';
