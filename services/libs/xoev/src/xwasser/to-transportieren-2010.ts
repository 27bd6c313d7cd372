import { code, element, type XmlNode } from '../xml/xml-node.js';
import type { LabReport, Measurement, Sample } from './lab-report.js';
import { qualified, renderXwasser } from './xwasser-document.js';
import type { XwasserContext } from './xwasser-context.js';
import { xwasserLists } from './xwasser-lists.js';

/** What a lab states about itself and the order besides the results. */
export interface LabReportIssuer {
  /** The lab's `id` attribute inside the report (xs:ID) and its SHAPTH id. */
  readonly labName: string;
  /** The authority that ordered the examination (auftraggeber/zustaendigeBehoerde). */
  readonly orderedBy: { readonly id: string; readonly name: string; readonly stateCode: string };
  readonly softwareVersion: string;
}

const labRef = 'labor-1';
const samplingPointRef = 'stelle-1';
const reportRef = 'bericht-1';

/**
 * vorgang.transportieren.2010 carrying a Prüfbericht (vorgang/vorgangType/pruefbericht): one
 * sampling point, the samples with their measured parameters. Pure: same input, same bytes.
 */
export function toTransportieren2010(
  report: LabReport,
  issuer: LabReportIssuer,
  context: XwasserContext,
): string {
  const exceeded = report.samples.some((sample) => hasExceeded(sample.measurements));
  // vorgang/{identifikationVorgang/vorgangsID, vorgangType/pruefbericht}
  return renderXwasser('vorgang.transportieren.2010', context, {
    vorgang: qualified({
      identifikationVorgang: qualified({ vorgangsID: report.caseId }),
      vorgangType: qualified({ pruefbericht: pruefbericht(report, issuer, exceeded) }),
    }),
  });
}

/** PruefberichtType, its required elements in the XSD's order. */
function pruefbericht(report: LabReport, issuer: LabReportIssuer, exceeded: boolean): XmlNode {
  return qualified({
    $: { id: reportRef },
    pruefberichtUUID: report.reportId,
    versionsnummer: String(report.reportVersion),
    auftragsnummer: report.orderNumber,
    // probennahmestelle @id {nameProbennahmestelle, kategorieProbennahmestelle}
    probennahmestelle: qualified({
      $: { id: samplingPointRef },
      nameProbennahmestelle: report.samplingPoint.name,
      kategorieProbennahmestelle: code(
        report.samplingPoint.categoryCode,
        xwasserLists.samplingPointCategory,
      ),
    }),
    probe: report.samples.map((sample, index) => probe(sample, index, report)),
    // probennehmer/probennehmer/zustaendigeBehoerde: the lab's own samplers act for the authority
    probennehmer: qualified({
      $: { id: 'probennehmer-1' },
      probennehmer: qualified({ zustaendigeBehoerde: authority(issuer.orderedBy) }),
    }),
    pruefberichtGemVorgabenAkkredition: 'true',
    titel: report.title,
    gesamtbewertung: code(exceeded ? '1020' : '1030', xwasserLists.overallAssessment),
    zeitpunktValidierungPruefbericht: report.validatedAt.toISOString(),
    fuerValidierungVerantwortlichePerson: qualified({}),
    pruefberichtIDLabor: report.labReportNumber,
    swVersion: issuer.softwareVersion,
    sprachePruefbericht: code('de', xwasserLists.language),
    rechtlicherDisclaimer:
      'Die Ergebnisse beziehen sich ausschließlich auf die untersuchten Proben.',
    // auftraggeber/{auftraggeberart 1010 Behörde, auftraggeber/zustaendigeBehoerde}
    auftraggeber: qualified({
      auftraggeberart: code('1010', xwasserLists.clientKind),
      auftraggeber: qualified({ zustaendigeBehoerde: authority(issuer.orderedBy) }),
    }),
    beauftragteUntersuchungsstelle: qualified({ zugelasseneUntersuchungsstelleID: report.labId }),
    zugelasseneUntersuchungsstelle: qualified({
      $: { id: labRef },
      name: qualified({ name: issuer.labName }),
      zugelasseneUntersuchungsstelleID: report.labId,
    }),
    ortDerLabortaetigkeiten: qualified({ $: { id: 'ort-1' } }),
    gefahrInVerzug: String(exceeded),
  });
}

/** ProbeType: ids, sampling point reference, the measured parameters, times, assessment. */
function probe(sample: Sample, index: number, report: LabReport): XmlNode {
  return qualified({
    $: { id: `probe-${index + 1}` },
    probeID: sample.sampleId,
    probennahmestelle: samplingPointRef,
    titelProbe: sample.title,
    analyseergebnisParameter: sample.measurements.map((measurement, position) =>
      parameter(measurement, `probe-${index + 1}-parameter-${position + 1}`, report),
    ),
    anlassDerUntersuchung: code('1010', xwasserLists.examinationCause),
    akkreditierteDurchfuehrungDerProbennahme: 'true',
    zeitpunktProbennahme: sample.sampledAt.toISOString(),
    probennahmeverfahren: code('1010', xwasserLists.samplingMethod),
    eingangProbeBeiUntersuchungsstelle: sample.receivedAt.toISOString(),
    beginnLabortaetigkeitAnalytik: sample.analysisStartedAt.toISOString(),
    abschlussLabortaetigkeitAnalytik: sample.analysisFinishedAt.toISOString(),
    konformitaetsbewertungDerProbe: code(
      hasExceeded(sample.measurements) ? '1020' : '1010',
      xwasserLists.sampleAssessment,
    ),
    probeID_ausLabor: sample.labSampleNumber,
  });
}

/**
 * AnalyseergebnisParameterType: untersuchterParameter (SHAPTH list of the report's version),
 * untersuchungswertParameter (xs:double), einheitDesUntersuchungswerts, bewertungUntersuchungswert.
 */
function parameter(measurement: Measurement, id: string, report: LabReport): XmlNode {
  return qualified({
    $: { id },
    analyseergebnisParameterID: measurement.measurementId,
    zugelasseneUntersuchungsstelle: labRef,
    akkreditierteDurchfuehrungAnalyse: 'true',
    zugelasseneDurchfuehrungAnalyse: 'true',
    untersuchungsverfahren: code('1010', xwasserLists.analysisMethod),
    untersuchterParameter: element({
      $: { listURI: xwasserLists.parameterUri, listVersionID: report.parameterListVersion },
      code: measurement.parameterCode,
      name: measurement.parameterName,
    }),
    parameterDurchBetreiberUntersucht: 'false',
    untersuchungswertParameter: String(measurement.value),
    einheitDesUntersuchungswerts: element({
      $: { listURI: xwasserLists.unitUri, listVersionID: report.unitListVersion },
      code: measurement.unitCode,
      name: measurement.unitName,
    }),
    bewertungUntersuchungswert: code(measurement.assessmentCode, xwasserLists.valueAssessment),
  });
}

/** ZustaendigeBehoerdeType: behoerdenkennung is optional, behoerdenname/name, laenderkuerzel. */
function authority(party: LabReportIssuer['orderedBy']): XmlNode {
  return qualified({
    behoerdenname: qualified({ name: party.name }),
    laenderkuerzel: code(party.stateCode, xwasserLists.stateCode),
  });
}

function hasExceeded(measurements: readonly Measurement[]): boolean {
  return measurements.some((measurement) => measurement.assessmentCode === '1020');
}
