// Generated from contracts/schemas/**/*.avsc by `npm run hub -- contracts generate`. Do not edit: change the schema and regenerate.

export type * from './case/citizen-status-changed.js';
export type * from './common/money.js';
export type * from './common/xoev-standard.js';
export type * from './health/limit-exceeded.js';
export type * from './health/measurement.js';
export type * from './health/sample.js';
export type * from './open311/report-routed.js';
export type * from './payment/payment-failed.js';
export type * from './payment/payment-link-issued.js';
export type * from './payment/payment-refunded.js';
export type * from './payment/payment-requested.js';
export type * from './payment/payment-settled.js';
export type * from './portal/application-submitted.js';
export type * from './procedure/application-delivered.js';
export type * from './procedure/delivery-requested.js';
export type * from './procedure/document-issued.js';
export type * from './procedure/status-reported.js';
export type * from './health/lab-report-received.js';
import type { CitizenStatusChanged } from './case/citizen-status-changed.js';
import type { Money } from './common/money.js';
import type { XoevStandard } from './common/xoev-standard.js';
import type { LimitExceeded } from './health/limit-exceeded.js';
import type { Measurement } from './health/measurement.js';
import type { Sample } from './health/sample.js';
import type { ReportRouted } from './open311/report-routed.js';
import type { PaymentFailed } from './payment/payment-failed.js';
import type { PaymentLinkIssued } from './payment/payment-link-issued.js';
import type { PaymentRefunded } from './payment/payment-refunded.js';
import type { PaymentRequested } from './payment/payment-requested.js';
import type { PaymentSettled } from './payment/payment-settled.js';
import type { ApplicationSubmitted } from './portal/application-submitted.js';
import type { ApplicationDelivered } from './procedure/application-delivered.js';
import type { DeliveryRequested } from './procedure/delivery-requested.js';
import type { DocumentIssued } from './procedure/document-issued.js';
import type { StatusReported } from './procedure/status-reported.js';
import type { LabReportReceived } from './health/lab-report-received.js';

/** The TypeScript type of the values of each schema, by schema name. */
export interface SchemaValues {
  'case/citizen-status-changed': CitizenStatusChanged;
  'common/money': Money;
  'common/xoev-standard': XoevStandard;
  'health/limit-exceeded': LimitExceeded;
  'health/measurement': Measurement;
  'health/sample': Sample;
  'open311/report-routed': ReportRouted;
  'payment/payment-failed': PaymentFailed;
  'payment/payment-link-issued': PaymentLinkIssued;
  'payment/payment-refunded': PaymentRefunded;
  'payment/payment-requested': PaymentRequested;
  'payment/payment-settled': PaymentSettled;
  'portal/application-submitted': ApplicationSubmitted;
  'procedure/application-delivered': ApplicationDelivered;
  'procedure/delivery-requested': DeliveryRequested;
  'procedure/document-issued': DocumentIssued;
  'procedure/status-reported': StatusReported;
  'health/lab-report-received': LabReportReceived;
}

export type SchemaName = keyof SchemaValues;

/** Each schema by a short name, for `schemas.<name>`. */
export const schemaNames = {
  citizenStatusChanged: 'case/citizen-status-changed',
  money: 'common/money',
  xoevStandard: 'common/xoev-standard',
  limitExceeded: 'health/limit-exceeded',
  measurement: 'health/measurement',
  sample: 'health/sample',
  reportRouted: 'open311/report-routed',
  paymentFailed: 'payment/payment-failed',
  paymentLinkIssued: 'payment/payment-link-issued',
  paymentRefunded: 'payment/payment-refunded',
  paymentRequested: 'payment/payment-requested',
  paymentSettled: 'payment/payment-settled',
  applicationSubmitted: 'portal/application-submitted',
  applicationDelivered: 'procedure/application-delivered',
  deliveryRequested: 'procedure/delivery-requested',
  documentIssued: 'procedure/document-issued',
  statusReported: 'procedure/status-reported',
  labReportReceived: 'health/lab-report-received',
} as const;
