import type {
  DrinkingWaterLimitTable,
  LabReportReceived,
  LimitExceeded,
  Sample as AvroSample,
} from '@hub/contracts';
import { xwasser, type LabReport } from '@hub/xoev';
import { judgeMeasurement, type JudgedMeasurement } from './judge-limits.js';

/** What one accepted report publishes: the report and one event per exceeded limit. */
export interface HealthEvents {
  readonly received: LabReportReceived;
  readonly exceeded: readonly LimitExceeded[];
}

export interface ReportArrival {
  /** The citizen's application the hub ordered this examination for; none when the office ordered it. */
  readonly applicationId?: string;
  readonly nachrichtenUUID: string;
  readonly labDvdvId: string;
  readonly receivedAt: Date;
}

/** PURE: an accepted report (units already checked) → its Avro events. */
export function toHealthEvents(
  report: LabReport,
  arrival: ReportArrival,
  table: DrinkingWaterLimitTable,
): HealthEvents {
  const exceeded: LimitExceeded[] = [];
  const samples: AvroSample[] = report.samples.map((sample) => {
    const measurements = sample.measurements.map(
      (measurement) => judgeMeasurement(measurement, table) as JudgedMeasurement,
    );
    for (const { measurement: judged, limit } of measurements)
      if (judged.limitExceeded && limit && judged.value !== null)
        exceeded.push({
          caseId: report.caseId,
          reportId: report.reportId,
          sampleId: sample.sampleId,
          measurementId: judged.measurementId,
          parameterCode: judged.parameterCode,
          parameterName: judged.parameterName,
          value: judged.value,
          unit: judged.unit,
          limitValue: limit.limit,
          limitSource: limit.source,
          priority: limit.priority,
          detectedAt: arrival.receivedAt,
          limitTableVersion: table.version,
        });
    return {
      sampleId: sample.sampleId,
      labSampleNumber: sample.labSampleNumber,
      sampledAt: sample.sampledAt,
      analysisFinishedAt: sample.analysisFinishedAt,
      measurements: measurements.map((judged) => judged.measurement),
    };
  });
  return {
    received: {
      caseId: report.caseId,
      reportId: report.reportId,
      reportVersion: report.reportVersion,
      nachrichtenUUID: arrival.nachrichtenUUID,
      receivedAt: arrival.receivedAt,
      validatedAt: report.validatedAt,
      labId: report.labId,
      labDvdvId: arrival.labDvdvId,
      orderNumber: report.orderNumber,
      samplingPointName: report.samplingPoint.name,
      samplingPointCategory: report.samplingPoint.categoryCode,
      samples,
      parameterListVersion: report.parameterListVersion,
      limitTableVersion: table.version,
      limitsExceeded: exceeded.length,
      applicationId: arrival.applicationId ?? null,
      standardVersion: xwasser.version,
    },
    exceeded,
  };
}
