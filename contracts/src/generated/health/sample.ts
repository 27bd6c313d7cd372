// Generated from contracts/schemas/health/sample.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

import type { Measurement } from '../health/measurement.js';

/**
 * One drinking-water sample of a lab report (XWasser probe) with its measured parameters.
 */
export interface Sample {
  /**
   * The lab's probeID.
   */
  readonly sampleId: string;
  /**
   * The sample's number inside the lab (probeID_ausLabor).
   */
  readonly labSampleNumber: string;
  /**
   * When the sample was taken (UTC).
   */
  readonly sampledAt: Date;
  /**
   * When the lab finished its analysis (UTC).
   */
  readonly analysisFinishedAt: Date;
  /**
   * Every parameter measured in the sample.
   */
  readonly measurements: readonly Measurement[];
}
