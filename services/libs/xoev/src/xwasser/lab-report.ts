/**
 * A drinking-water lab report (Prüfbericht) as the hub reads and builds it: the fields of
 * XWasser's PruefberichtType the health office acts on. Codes are those of the XWasser code
 * lists; `parameterList`/`unitList` carry the list version the lab used.
 */
export interface LabReport {
  /** identifikationVorgang/vorgangsID: the examination order this report answers. */
  readonly caseId: string;
  /** pruefberichtUUID */
  readonly reportId: string;
  readonly reportVersion: number;
  /** auftragsnummer */
  readonly orderNumber: string;
  /** pruefberichtIDLabor */
  readonly labReportNumber: string;
  readonly title: string;
  /** beauftragteUntersuchungsstelle/zugelasseneUntersuchungsstelleID (SHAPTH id of the lab). */
  readonly labId: string;
  readonly validatedAt: Date;
  readonly samplingPoint: SamplingPoint;
  readonly samples: readonly Sample[];
  /** Version of urn:xoev-de:xwasser:codeliste:shapth-parameter the parameter codes come from. */
  readonly parameterListVersion: string;
  /** Version of urn:xoev-de:xwasser:codeliste:shapth-parameter-einheit of the unit codes. */
  readonly unitListVersion: string;
}

export interface SamplingPoint {
  readonly name: string;
  /** kategorie-probennahmestelle (version 3), e.g. 1010 Zapfhahn. */
  readonly categoryCode: string;
}

export interface Sample {
  /** probeID */
  readonly sampleId: string;
  /** probeID_ausLabor */
  readonly labSampleNumber: string;
  readonly title: string;
  readonly sampledAt: Date;
  readonly receivedAt: Date;
  readonly analysisStartedAt: Date;
  readonly analysisFinishedAt: Date;
  readonly measurements: readonly Measurement[];
}

export interface Measurement {
  /** analyseergebnisParameterID */
  readonly measurementId: string;
  /** untersuchterParameter/code (SHAPTH parameter) and its name as the lab sent it. */
  readonly parameterCode: string;
  readonly parameterName: string;
  /** untersuchungswertParameter */
  readonly value: number;
  /** einheitDesUntersuchungswerts/code and name. */
  readonly unitCode: string;
  readonly unitName: string;
  /** bewertungUntersuchungswert (version 1): 1010 in Ordnung, 1020 Grenzwert über-/unterschritten. */
  readonly assessmentCode: string;
}
