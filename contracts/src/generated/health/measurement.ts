// Generated from contracts/schemas/health/measurement.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

/**
 * One parameter measured in a drinking-water sample (XWasser analyseergebnisParameter), judged against the limit table.
 */
export interface Measurement {
  /**
   * The lab's analyseergebnisParameterID.
   */
  readonly measurementId: string;
  /**
   * The parameter's code in urn:xoev-de:xwasser:codeliste:shapth-parameter (version in the report's parameterListVersion).
   */
  readonly parameterCode: string;
  /**
   * The parameter's name as the lab sent it, e.g. Blei.
   */
  readonly parameterName: string;
  /**
   * The measured value (untersuchungswertParameter); null for a qualitative result without a value.
   */
  readonly value: null | number;
  /**
   * The unit's code in urn:xoev-de:xwasser:codeliste:shapth-parameter-einheit, e.g. mg/l.
   */
  readonly unit: string;
  /**
   * The lab's bewertungUntersuchungswert (1010 in Ordnung, 1020 Grenzwert über-/unterschritten, ...).
   */
  readonly assessmentCode: string;
  /**
   * The limit of the limit table in the same unit; null when the table has no limit for the parameter.
   */
  readonly limitValue: null | number;
  /**
   * Where the limit comes from, e.g. TrinkwV 2023 Anlage 2 Teil II.
   */
  readonly limitSource: null | string;
  /**
   * True when the measured value is above the limit.
   */
  readonly limitExceeded: boolean;
}
