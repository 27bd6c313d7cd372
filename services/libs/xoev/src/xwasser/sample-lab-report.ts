import type { LabReport } from './lab-report.js';
import type { LabReportIssuer } from './to-transportieren-2010.js';
import type { XwasserContext } from './xwasser-context.js';

/**
 * A fixed lab report for goldens and tests: one tap sample with lead above its limit
 * (TrinkwV Anlage 2 Teil II: 0.010 mg/l) and nitrate below (Anlage 2 Teil I: 50 mg/l).
 */
export const sampleLabReport: LabReport = {
  caseId: '9b2d6e1f-4c3a-4f8e-b5d7-2a1c0e9f8d76',
  reportId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  reportVersion: 1,
  orderNumber: 'TW-2026-000042',
  labReportNumber: 'PB-2026-0815',
  title: 'Prüfbericht Trinkwasseruntersuchung Hausinstallation',
  labId: 'DE-TW-0042',
  validatedAt: new Date('2026-12-02T08:00:00Z'),
  samplingPoint: { name: 'Küche, Zapfhahn Erdgeschoss', categoryCode: '1010' },
  samples: [
    {
      sampleId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      labSampleNumber: 'P-2026-4711',
      title: 'Trinkwasser Zapfhahn Küche',
      sampledAt: new Date('2026-11-30T07:30:00Z'),
      receivedAt: new Date('2026-11-30T10:00:00Z'),
      analysisStartedAt: new Date('2026-11-30T11:00:00Z'),
      analysisFinishedAt: new Date('2026-12-01T15:00:00Z'),
      measurements: [
        {
          measurementId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
          parameterCode: '1104',
          parameterName: 'Blei',
          value: 0.018,
          unitCode: 'mg/l',
          unitName: 'Milligramm pro Liter',
          assessmentCode: '1020',
        },
        {
          measurementId: '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f',
          parameterCode: '1021',
          parameterName: 'Nitrat',
          value: 12.5,
          unitCode: 'mg/l',
          unitName: 'Milligramm pro Liter',
          assessmentCode: '1010',
        },
      ],
    },
  ],
  parameterListVersion: '1',
  unitListVersion: '1',
};

export const sampleIssuer: LabReportIssuer = {
  labName: 'Musterlabor Trinkwasser GmbH',
  orderedBy: { id: 'gesundheitsamt:05315000', name: 'Gesundheitsamt Köln', stateCode: 'DENW' },
  softwareVersion: 'Labor-Informationssystem 4.2',
};

export const sampleContext: XwasserContext = {
  nachrichtenUUID: '3f0c8a52-6d1e-4b7a-9c2f-1e5d8b7a6c41',
  createdAt: new Date('2026-12-02T09:30:00Z'),
  author: { id: 'labor:DE-TW-0042', name: 'Musterlabor Trinkwasser GmbH' },
  reader: { id: 'gesundheitsamt:05315000', name: 'Gesundheitsamt Köln' },
  product: { name: 'Labor-Informationssystem', vendor: 'Musterlabor GmbH', version: '4.2' },
};
