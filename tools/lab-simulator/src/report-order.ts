import { randomUUID } from 'node:crypto';
import type { DrinkingWaterLimitTable } from '@hub/contracts';
import type { LabReport } from '@hub/xoev';
import type { LabOrder } from './lab-order.js';

/** What the simulated lab is asked to report: the case and one value per parameter. */
export interface ReportOrder {
  /** The examination (XWasser vorgangsID); a new one when absent. */
  readonly caseId?: string;
  /** The health office's order (POST /orders) this report answers: its case, number and tap. */
  readonly orderId?: string;
  readonly measurements: readonly {
    readonly parameterCode: string;
    readonly value: number;
    /** Defaults to the limit table's unit of the parameter (another unit tests the refusal). */
    readonly unit?: string;
  }[];
  /** Version of the SHAPTH parameter list the codes are sent in; defaults to the table's. */
  readonly parameterListVersion?: string;
}

/**
 * A lab report of one tap sample with the ordered values; each value is assessed as the lab
 * would, against the same limit table: above its limit → 1020 (Grenzwert überschritten), else
 * 1010. Parameters the table does not list are sent without a limit and assessed 1010. A report
 * for a health office's order names its case, order number and sampling point.
 */
export function toLabReport(
  order: ReportOrder,
  table: DrinkingWaterLimitTable,
  labId: string,
  now: Date,
  ordered?: LabOrder,
): LabReport {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  return {
    caseId: ordered?.caseId ?? order.caseId ?? randomUUID(),
    reportId: randomUUID(),
    reportVersion: 1,
    orderNumber: ordered?.orderId ?? `TW-${now.getUTCFullYear()}-${randomUUID().slice(0, 6)}`,
    labReportNumber: `PB-${randomUUID().slice(0, 8)}`,
    title: 'Prüfbericht Trinkwasseruntersuchung Hausinstallation',
    labId,
    validatedAt: now,
    samplingPoint: { name: ordered?.samplingPoint ?? 'Zapfhahn Küche', categoryCode: '1010' },
    samples: [
      {
        sampleId: randomUUID(),
        labSampleNumber: `P-${randomUUID().slice(0, 8)}`,
        title: 'Trinkwasser Zapfhahn Küche',
        sampledAt: hoursAgo(48),
        receivedAt: hoursAgo(45),
        analysisStartedAt: hoursAgo(44),
        analysisFinishedAt: hoursAgo(2),
        measurements: order.measurements.map((measured) => {
          const limit = table.limits.find(
            (entry) => entry.parameterCode === measured.parameterCode,
          );
          return {
            measurementId: randomUUID(),
            parameterCode: measured.parameterCode,
            parameterName: limit?.name ?? `Parameter ${measured.parameterCode}`,
            value: measured.value,
            unitCode: measured.unit ?? limit?.unit ?? 'mg/l',
            unitName: measured.unit ?? limit?.unit ?? 'mg/l',
            assessmentCode: limit && measured.value > limit.limit ? '1020' : '1010',
          };
        }),
      },
    ],
    parameterListVersion: order.parameterListVersion ?? table.parameterList.version,
    unitListVersion: '1',
  };
}
