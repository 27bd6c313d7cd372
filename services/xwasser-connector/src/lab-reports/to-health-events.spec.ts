import { drinkingWaterLimits, schemas } from '@hub/contracts';
import { sampleLabReport } from '@hub/xoev';
import { describe, expect, it } from 'vitest';
import { unitMismatches } from './judge-limits.js';
import { toHealthEvents } from './to-health-events.js';

const table = drinkingWaterLimits('trinkwv-2023.1');
const arrival = {
  nachrichtenUUID: '3f0c8a52-6d1e-4b7a-9c2f-1e5d8b7a6c41',
  labDvdvId: 'labor:DE-TW-0042',
  receivedAt: new Date('2026-12-02T09:31:00Z'),
};
const withValues = (lead: number, nitrate: number) => ({
  ...sampleLabReport,
  samples: sampleLabReport.samples.map((sample) => ({
    ...sample,
    measurements: sample.measurements.map((measurement) => ({
      ...measurement,
      value: measurement.parameterName === 'Blei' ? lead : nitrate,
    })),
  })),
});

describe('toHealthEvents', () => {
  it('given lead above 0.010 mg/l and nitrate below 50 mg/l, then one HIGH limit-exceeded event for lead', () => {
    const events = toHealthEvents(withValues(0.018, 12.5), arrival, table);

    expect(events.exceeded).toEqual([
      expect.objectContaining({
        parameterName: 'Blei',
        value: 0.018,
        limitValue: 0.01,
        priority: 'HIGH',
      }),
    ]);
    expect(events.received.limitsExceeded).toBe(1);
    expect(schemas.labReportReceived.isValid(events.received)).toBe(true);
    expect(events.exceeded.every((event) => schemas.limitExceeded.isValid(event))).toBe(true);
  });

  it('given a value exactly at its limit, then nothing is exceeded (only above is)', () => {
    const events = toHealthEvents(withValues(0.01, 50), arrival, table);
    expect(events.exceeded).toEqual([]);
    expect(events.received.samples[0]?.measurements.map((m) => m.limitExceeded)).toEqual([
      false,
      false,
    ]);
  });

  it('given a parameter the table does not list, then it is carried without a limit', () => {
    const unknown = withValues(0.001, 1);
    const report = {
      ...unknown,
      samples: unknown.samples.map((sample) => ({
        ...sample,
        measurements: sample.measurements.map((m) => ({ ...m, parameterCode: '9999' })),
      })),
    };
    const [first] = toHealthEvents(report, arrival, table).received.samples[0]?.measurements ?? [];
    expect(first).toMatchObject({ limitValue: null, limitSource: null, limitExceeded: false });
  });

  it('given lead in µg/l, then the report cannot be judged: a unit mismatch names parameter and units', () => {
    const report = withValues(18, 12.5);
    const inMicrograms = {
      ...report,
      samples: report.samples.map((sample) => ({
        ...sample,
        measurements: sample.measurements.map((m) =>
          m.parameterName === 'Blei' ? { ...m, unitCode: 'µg/l' } : m,
        ),
      })),
    };
    expect(unitMismatches(inMicrograms, table)).toEqual([
      { parameterCode: '1104', unit: 'µg/l', limitUnit: 'mg/l' },
    ]);
  });
});
