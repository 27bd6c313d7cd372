import type { SchemaName, SchemaValues } from './generated/index.js';

/*
 * One valid value per schema, typed by the generated types: tests round-trip them through the
 * serde and the registry, and services may start their own tests from them. The people are
 * invented.
 */
const applicationId = '0b9a3c9e-3f5b-4c1e-8f3a-6d2b1e7c9a10';
const paymentId = '5d7e2f10-8c4b-4a9e-b1f3-2a6c9d0e4b71';
const at = new Date('2025-03-03T09:15:00.000Z');
const fee = { amount: '125.00', currency: 'EUR' } as const;
const applicationSubmitted: SchemaValues['portal/application-submitted'] = {
  applicationId,
  submittedAt: at,
  serviceKey: '99009001001000',
  municipalityKey: '05913000',
  citizenAccountRef: 'bund-id:pseudonym:7f3e9a',
  formId: 'bauantrag-nrw@2024-01',
  applicant: {
    givenName: 'Erika',
    familyName: 'Mustermann',
    birthDate: '1980-04-30',
    email: 'erika@example.org',
    phone: null,
    address: {
      street: 'Musterstraße',
      houseNumber: '12a',
      postalCode: '44135',
      city: 'Dortmund',
      countryCode: 'DE',
    },
  },
  formFields: [
    { key: 'bauvorhaben.bezeichnung', value: 'Carport' },
    { key: 'bauvorhaben.grundflaeche', value: 18.5 },
    { key: 'bauvorhaben.denkmalschutz', value: false },
    { key: 'bauvorhaben.bemerkung', value: null },
  ],
  attachments: [
    {
      attachmentId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      fileName: 'lageplan.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 482_133,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      storageUri: 's3://hub-attachments/0b9a3c9e/lageplan.pdf',
    },
  ],
  fee,
  channel: 'PORTAL',
  externalReference: null,
};
const xbau = {
  standard: 'XBAU',
  standardVersion: '2.6',
  messageType: 'baugenehmigung.antrag.0200',
} as const;

const caseId = '9b2d6e1f-4c3a-4f8e-b5d7-2a1c0e9f8d76';
const reportId = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const lead: SchemaValues['health/measurement'] = {
  measurementId: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
  parameterCode: '1104',
  parameterName: 'Blei',
  value: 0.018,
  unit: 'mg/l',
  assessmentCode: '1020',
  limitValue: 0.01,
  limitSource: 'TrinkwV 2023 Anlage 2 Teil II',
  limitExceeded: true,
};
const sample: SchemaValues['health/sample'] = {
  sampleId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  labSampleNumber: 'P-2026-4711',
  sampledAt: at,
  analysisFinishedAt: at,
  measurements: [lead],
};

export const examples: { readonly [Name in SchemaName]: SchemaValues[Name] } = {
  'common/money': fee,
  'common/xoev-standard': 'XBAU',
  'portal/application-submitted': applicationSubmitted,
  'payment/payment-requested': {
    applicationId,
    paymentId,
    requestedAt: at,
    amount: fee,
    purpose: 'Baugenehmigung Gebühr 0b9a3c9e',
    serviceKey: '99009001001000',
    municipalityKey: '05913000',
  },
  'payment/payment-link-issued': {
    applicationId,
    paymentId,
    issuedAt: at,
    providerTransactionId: 'tx-4711',
    paymentUrl: 'https://pay.example.org/p/tx-4711',
    expiresAt: new Date('2025-03-04T09:15:00.000Z'),
  },
  'payment/payment-settled': {
    applicationId,
    paymentId,
    settledAt: at,
    providerTransactionId: 'tx-4711',
    amount: fee,
    paymentMethod: 'GIROPAY',
  },
  'payment/payment-failed': {
    applicationId,
    paymentId,
    failedAt: at,
    reason: 'EXPIRED',
    providerMessage: null,
  },
  'payment/payment-refunded': {
    applicationId,
    paymentId,
    refundId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    refundedAt: at,
    amount: { amount: '-0.01', currency: 'EUR' },
    reason: 'APPLICATION_REJECTED',
  },
  'procedure/delivery-requested': {
    applicationId,
    requestedAt: at,
    recipient: { authorityId: 'bau:05913000', name: 'Bauordnungsamt Dortmund' },
    author: { authorityId: 'bpt:05913000', name: 'Bauportal der Stadt' },
    ...xbau,
    application: applicationSubmitted,
  },
  'procedure/application-delivered': {
    applicationId,
    deliveredAt: at,
    recipientAuthorityId: 'bau:05913000',
    transportMessageId: 'xta-msg-0001',
    nachrichtenUUID: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    ...xbau,
  },
  'open311/report-routed': {
    serviceRequestId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    routedAt: at,
    requestedAt: at,
    serviceCode: 'strassenschaden',
    agencyResponsible: 'Tiefbauamt',
    description: 'Riesiges Schlagloch vor Hausnummer 12, [NAME] ist fast gestürzt.',
    lat: 50.7374,
    long: 7.0982,
    addressString: null,
    mediaUrl: null,
    decidedBy: 'CLASSIFIER',
    confidence: 0.93,
    evidence: ['schlagloch', 'hausnummer'],
  },
  'procedure/status-reported': {
    applicationId,
    reportedAt: at,
    statusCode: '2000',
    statusText: 'Antrag in Bearbeitung',
    caseNumber: '63/2025/0815',
    nachrichtenUUID: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    standardVersion: '2.6',
    authorityId: 'bab:05913000',
  },
  'case/citizen-status-changed': {
    applicationId,
    changedAt: at,
    state: 'ACTION_REQUIRED',
    statusText: 'Bitte zahlen Sie die Gebühr.',
    actionRequired: true,
    actionText: 'Gebühr von 125,00 EUR bezahlen',
    caseNumber: null,
    sequence: 1,
  },
  'health/measurement': lead,
  'health/sample': sample,
  'health/lab-report-received': {
    caseId,
    reportId,
    reportVersion: 1,
    nachrichtenUUID: '3f0c8a52-6d1e-4b7a-9c2f-1e5d8b7a6c41',
    receivedAt: at,
    validatedAt: at,
    labId: 'DE-TW-0042',
    labDvdvId: 'labor:DE-TW-0042',
    orderNumber: 'TW-2026-000042',
    samplingPointName: 'Küche, Zapfhahn Erdgeschoss',
    samplingPointCategory: '1010',
    samples: [sample],
    parameterListVersion: '1',
    limitTableVersion: 'trinkwv-2023.1',
    limitsExceeded: 1,
    applicationId: '4a7c2e9b-1d3f-4b6a-8e5c-7f0a2b4d6c81',
    standardVersion: '1.0.0',
  },
  'health/limit-exceeded': {
    caseId,
    reportId,
    sampleId: sample.sampleId,
    measurementId: lead.measurementId,
    parameterCode: lead.parameterCode,
    parameterName: lead.parameterName,
    value: 0.018,
    unit: 'mg/l',
    limitValue: 0.01,
    limitSource: 'TrinkwV 2023 Anlage 2 Teil II',
    priority: 'HIGH',
    detectedAt: at,
    limitTableVersion: 'trinkwv-2023.1',
  },
};
