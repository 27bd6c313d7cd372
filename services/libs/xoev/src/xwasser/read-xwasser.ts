import type { XmlObject } from '../xml/parse-xml.js';
import {
  xmlAttribute as attribute,
  xmlChild as child,
  xmlChildren as children,
  xmlText as text,
} from '../xml/xml-object.js';
import type { LabReport, Measurement, Sample } from './lab-report.js';
import type { XwasserParty } from './xwasser-context.js';

/** The head of any XWasser message and the case it belongs to, from an already parsed message. */
export interface XwasserHead {
  readonly messageName: string;
  readonly nachrichtenUUID: string;
  readonly author: XwasserParty;
  readonly reader: XwasserParty;
  readonly referenzUUID?: string;
  /** identifikationVorgang/vorgangsID (or vorgang/identifikationVorgang/vorgangsID in a 2010). */
  readonly caseId?: string;
}

/** Reads nachrichtenkopf.g2g and the case id; absent texts are empty strings. */
export function readXwasserHead(messageName: string, root: XmlObject): XwasserHead {
  const head = child(root, 'nachrichtenkopf.g2g');
  const party = (name: string): XwasserParty => ({
    id: text(child(head, name), 'kennung'),
    name: text(child(head, name), 'name'),
  });
  const referenzUUID = text(head, 'referenzUUID');
  const caseNode =
    child(root, 'identifikationVorgang') ?? child(child(root, 'vorgang'), 'identifikationVorgang');
  const caseId = text(caseNode, 'vorgangsID');
  return {
    messageName,
    nachrichtenUUID: text(child(head, 'identifikation.nachricht'), 'nachrichtenUUID'),
    author: party('autor'),
    reader: party('leser'),
    ...(referenzUUID ? { referenzUUID } : {}),
    ...(caseId ? { caseId } : {}),
  };
}

/**
 * The Prüfbericht of a vorgang.transportieren.2010 that the XSD already accepted, or undefined when
 * the Vorgang carries something else (Untersuchungsplan, OLB-Bericht).
 */
export function readLabReport(root: XmlObject): LabReport | undefined {
  const vorgang = child(root, 'vorgang');
  const report = child(child(vorgang, 'vorgangType'), 'pruefbericht');
  if (!report) return undefined;
  const samples = children(report, 'probe').map(readSample);
  const firstParameter = children(report, 'probe')
    .flatMap((probe) => children(probe, 'analyseergebnisParameter'))
    .at(0);
  const samplingPoint = child(report, 'probennahmestelle');
  return {
    caseId: text(child(vorgang, 'identifikationVorgang'), 'vorgangsID'),
    reportId: text(report, 'pruefberichtUUID'),
    reportVersion: Number(text(report, 'versionsnummer')),
    orderNumber: text(report, 'auftragsnummer'),
    labReportNumber: text(report, 'pruefberichtIDLabor'),
    title: text(report, 'titel'),
    labId: text(
      child(report, 'beauftragteUntersuchungsstelle'),
      'zugelasseneUntersuchungsstelleID',
    ),
    validatedAt: new Date(text(report, 'zeitpunktValidierungPruefbericht')),
    samplingPoint: {
      name: text(samplingPoint, 'nameProbennahmestelle'),
      categoryCode: text(child(samplingPoint, 'kategorieProbennahmestelle'), 'code'),
    },
    samples,
    parameterListVersion: attribute(
      child(firstParameter, 'untersuchterParameter'),
      'listVersionID',
    ),
    unitListVersion: attribute(
      child(firstParameter, 'einheitDesUntersuchungswerts'),
      'listVersionID',
    ),
  };
}

/** Every list version of the parameter codes in the report (a report must use one). */
export function parameterListVersions(root: XmlObject): string[] {
  const report = child(child(child(root, 'vorgang'), 'vorgangType'), 'pruefbericht');
  const versions = children(report, 'probe')
    .flatMap((probe) => children(probe, 'analyseergebnisParameter'))
    .map((parameter) => attribute(child(parameter, 'untersuchterParameter'), 'listVersionID'));
  return [...new Set(versions)];
}

function readSample(probe: XmlObject): Sample {
  return {
    sampleId: text(probe, 'probeID'),
    labSampleNumber: text(probe, 'probeID_ausLabor'),
    title: text(probe, 'titelProbe'),
    sampledAt: new Date(text(probe, 'zeitpunktProbennahme')),
    receivedAt: new Date(text(probe, 'eingangProbeBeiUntersuchungsstelle')),
    analysisStartedAt: new Date(text(probe, 'beginnLabortaetigkeitAnalytik')),
    analysisFinishedAt: new Date(text(probe, 'abschlussLabortaetigkeitAnalytik')),
    measurements: children(probe, 'analyseergebnisParameter').map(readMeasurement),
  };
}

function readMeasurement(parameter: XmlObject): Measurement {
  const measured = child(parameter, 'untersuchterParameter');
  const unit = child(parameter, 'einheitDesUntersuchungswerts');
  const value = text(parameter, 'untersuchungswertParameter');
  return {
    measurementId: text(parameter, 'analyseergebnisParameterID'),
    parameterCode: text(measured, 'code'),
    parameterName: text(measured, 'name'),
    // A qualitative result has no value: NaN says "not measured", never a made-up zero.
    value: value === '' ? Number.NaN : Number(value),
    unitCode: text(unit, 'code'),
    unitName: text(unit, 'name'),
    assessmentCode: text(child(parameter, 'bewertungUntersuchungswert'), 'code'),
  };
}
