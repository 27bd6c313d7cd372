import {
  examples,
  type ApplicationDelivered,
  type ApplicationSubmitted,
  type PaymentSettled,
  type StatusReported,
} from '@hub/contracts';
import type { Route } from '@hub/routing';
import type { Case } from '../src/case.js';
import type { Decision } from '../src/case-decisions.js';
import { numberSteps } from '../src/citizen-timeline.js';
import { paymentIdOf } from '../src/fee-guard.js';

/** Cases, routes and events for the unit tests of the router's decisions. */
export const now = new Date('2026-11-24T10:00:00Z');
export const settings = {
  now,
  transportReportDeadlineMs: 30 * 60_000,
  paymentDeadlineMs: 7 * 24 * 3_600_000,
};
export const route: Route = {
  serviceKey: '99010003001000',
  municipalityKey: '05913000',
  procedure: 'xbau',
  standard: 'XBAU',
  messageType: 'baugenehmigung.antrag.0200',
  reader: { dvdvId: 'bab:05913000', name: 'Bauaufsicht der Stadt Dortmund' },
  author: { dvdvId: 'bpt:05913000', name: 'Bauportal der Stadt' },
  versions: { '2024-01-01': '2.5', '2026-07-01': '2.6' },
  fee: { amount: '250.00', currency: 'EUR' },
  requiredFormFields: [],
  attachmentMediaTypes: [],
};
export const freeRoute: Route = { ...route, fee: null };
export const application: ApplicationSubmitted = examples['portal/application-submitted'];
export const withFee = { ...application, fee: { amount: '250.00', currency: 'EUR' as const } };
export const withoutFee = { ...application, fee: null };

export function status(
  code: string,
  at: string,
  caseNumber: string | null = null,
  authorityId: string | null = route.reader.dvdvId,
): StatusReported {
  return {
    applicationId: application.applicationId,
    reportedAt: new Date(at),
    statusCode: code,
    statusText: `Status ${code}`,
    caseNumber,
    nachrichtenUUID: '00000000-0000-4000-8000-000000000001',
    standardVersion: '2.6',
    authorityId,
  };
}

export function settled(overrides: Partial<PaymentSettled> = {}): PaymentSettled {
  return {
    applicationId: application.applicationId,
    paymentId: paymentIdOf(application.applicationId),
    settledAt: now,
    providerTransactionId: 't',
    amount: { amount: '250.00', currency: 'EUR' },
    paymentMethod: 'OTHER',
    ...overrides,
  };
}

export const delivery: ApplicationDelivered = {
  applicationId: application.applicationId,
  deliveredAt: now,
  recipientAuthorityId: route.reader.dvdvId,
  transportMessageId: 'm',
  nachrichtenUUID: 'n',
  standard: 'XBAU',
  standardVersion: '2.6',
  messageType: 'baugenehmigung.antrag.0200',
};

/** The case as the router stores it after a decision: its steps numbered, the citizen's state kept. */
export function applied(decision: Decision): Case {
  return numberSteps(decision.next, decision.citizen).next;
}
