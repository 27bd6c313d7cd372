import type {
  DrinkingWaterLimit,
  DrinkingWaterLimitTable,
  Measurement as AvroMeasurement,
} from '@hub/contracts';
import type { LabReport, Measurement } from '@hub/xoev';

/** A measurement as published (Avro de.hub.health.Measurement) and the limit it was judged by. */
export interface JudgedMeasurement {
  readonly measurement: AvroMeasurement;
  readonly limit?: DrinkingWaterLimit;
}

/** Why a report cannot be judged by the table: a unit other than the one the limit is in. */
export interface UnitMismatch {
  readonly parameterCode: string;
  readonly unit: string;
  readonly limitUnit: string;
}

/**
 * PURE: each measured value against the limit table. A value is exceeded when it is above the
 * limit (a microbiological limit of 0 is exceeded by any colony); parameters the table does not
 * list are carried without a limit. A unit other than the limit's cannot be compared.
 */
export function judgeMeasurement(
  measurement: Measurement,
  table: DrinkingWaterLimitTable,
): JudgedMeasurement | UnitMismatch {
  const limit = table.limits.find((entry) => entry.parameterCode === measurement.parameterCode);
  const value = Number.isNaN(measurement.value) ? null : measurement.value;
  if (limit && measurement.unitCode !== limit.unit)
    return {
      parameterCode: limit.parameterCode,
      unit: measurement.unitCode,
      limitUnit: limit.unit,
    };
  return {
    measurement: {
      measurementId: measurement.measurementId,
      parameterCode: measurement.parameterCode,
      parameterName: measurement.parameterName,
      value,
      unit: measurement.unitCode,
      assessmentCode: measurement.assessmentCode,
      limitValue: limit?.limit ?? null,
      limitSource: limit?.source ?? null,
      limitExceeded: limit !== undefined && value !== null && value > limit.limit,
    },
    ...(limit ? { limit } : {}),
  };
}

/** Every unit mismatch of the report; empty when the whole report can be judged. */
export function unitMismatches(report: LabReport, table: DrinkingWaterLimitTable): UnitMismatch[] {
  return report.samples
    .flatMap((sample) =>
      sample.measurements.map((measurement) => judgeMeasurement(measurement, table)),
    )
    .filter((judged): judged is UnitMismatch => 'limitUnit' in judged);
}
