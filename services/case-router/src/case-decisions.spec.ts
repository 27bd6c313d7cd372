import { describe, expect, it } from 'vitest';
import { examples, type ApplicationSubmitted, type StatusReported } from '@hub/contracts';
import type { Route } from '@hub/routing';
import type { Case } from './case.js';
import {
  onDeadline,
  onDelivered,
  onPaymentFailed,
  onPaymentLinkIssued,
  onPaymentRefunded,
  onPaymentSettled,
  onStatusReported,
  onSubmitted,
} from './case-decisions.js';

const now = new Date('2026-11-24T10:00:00Z');
const settings = {
  now,
  transportReportDeadlineMs: 30 * 60_000,
  paymentDeadlineMs: 7 * 24 * 3_600_000,
};
const route: Route = {
  serviceKey: '99010003001000',
  municipalityKey: '05913000',
  procedure: 'xbau',
  authorityDvdvId: 'bab:05913000',
  standard: 'XBAU',
  versions: { '2024-01-01': '2.5', '2026-07-01': '2.6' },
  fee: { amount: '250.00', currency: 'EUR' },
  requiredFormFields: [],
  attachmentMediaTypes: [],
};
const freeRoute: Route = { ...route, fee: null };
const application: ApplicationSubmitted = examples['portal/application-submitted'];
const withFee = { ...application, fee: { amount: '250.00', currency: 'EUR' as const } };
const withoutFee = { ...application, fee: null };

function status(code: string, at: string, caseNumber: string | null = null): StatusReported {
  return {
    applicationId: application.applicationId,
    reportedAt: new Date(at),
    statusCode: code,
    statusText: `Status ${code}`,
    caseNumber,
    nachrichtenUUID: '00000000-0000-4000-8000-000000000001',
    standardVersion: '2.6',
    authorityId: null,
  };
}

describe('case decisions', () => {
  it('given a fee-bearing service, when an application arrives, then the fee is requested and the citizen asked to pay', () => {
    const decision = onSubmitted(withFee, route, settings);
    expect(decision.next.state).toBe('AWAITING_PAYMENT');
    expect(decision.outgoing.map((o) => o.topic)).toEqual(['payment.payment-requested.v1']);
    expect(decision.citizen).toMatchObject({ state: 'ACTION_REQUIRED', actionRequired: true });
    expect(decision.next.deadline).toEqual({
      kind: 'payment',
      at: new Date(now.getTime() + settings.paymentDeadlineMs),
    });
  });

  it('asks for the same payment id when the same application is decided again', () => {
    const first = onSubmitted(withFee, route, settings).outgoing[0];
    const again = onSubmitted(withFee, route, { ...settings, now: new Date(now.getTime() + 1000) })
      .outgoing[0];
    expect(
      first?.topic === 'payment.payment-requested.v1' &&
        again?.topic === 'payment.payment-requested.v1' &&
        first.value.paymentId === again.value.paymentId,
    ).toBe(true);
  });

  it('charges the fee of the route, whatever fee the application states or leaves out', () => {
    for (const stated of [
      withoutFee,
      { ...application, fee: { amount: '0.01', currency: 'EUR' as const } },
    ]) {
      const decision = onSubmitted(stated, route, settings);
      const [request] = decision.outgoing;
      expect(decision.next.state).toBe('AWAITING_PAYMENT');
      expect(request?.topic).toBe('payment.payment-requested.v1');
      expect(request?.value).toMatchObject({ amount: { amount: '250.00', currency: 'EUR' } });
    }
  });

  it('delivers a free application at once, in the XÖV version that applies today', () => {
    const decision = onSubmitted(withoutFee, freeRoute, settings);
    const [request] = decision.outgoing;
    expect(decision.next.state).toBe('DELIVERY_REQUESTED');
    expect(request?.topic).toBe('procedure.delivery-requested.v1');
    expect(request?.value).toMatchObject({
      standard: 'XBAU',
      standardVersion: '2.6',
      recipient: { authorityId: 'bab:05913000' },
    });
  });

  it('rejects an application no procedure handles, telling the citizen why', () => {
    const decision = onSubmitted(withFee, undefined, settings);
    expect(decision.next.state).toBe('UNROUTABLE');
    expect(decision.citizen?.state).toBe('REJECTED');
    expect(decision.citizen?.statusText).toContain(withFee.serviceKey);
  });

  describe('after the fee was requested', () => {
    const awaiting = onSubmitted(withFee, route, settings).next;

    it('delivers once the payment is settled', () => {
      const decision = onPaymentSettled(
        awaiting,
        {
          applicationId: application.applicationId,
          paymentId: 'p',
          settledAt: now,
          providerTransactionId: 't',
          amount: withFee.fee,
          paymentMethod: 'OTHER',
        },
        settings,
      );
      expect(decision.next.state).toBe('DELIVERY_REQUESTED');
      expect(decision.outgoing.map((o) => o.topic)).toEqual(['procedure.delivery-requested.v1']);
    });

    it('gives the citizen the pay page and keeps waiting', () => {
      const decision = onPaymentLinkIssued(awaiting, {
        applicationId: application.applicationId,
        paymentId: 'p',
        issuedAt: now,
        providerTransactionId: 't',
        paymentUrl: 'https://pay.example/t',
        expiresAt: null,
      });
      expect(decision.next.state).toBe('AWAITING_PAYMENT');
      expect(decision.citizen).toMatchObject({
        state: 'ACTION_REQUIRED',
        actionText: expect.stringContaining('https://pay.example/t') as string,
      });
    });

    it('tells a rejected citizen that the fee was refunded, without reopening the case', () => {
      const rejected = { ...awaiting, state: 'REJECTED' as const };
      const decision = onPaymentRefunded(rejected, {
        applicationId: application.applicationId,
        paymentId: 'p',
        refundId: 'r',
        refundedAt: now,
        amount: withFee.fee,
        reason: 'APPLICATION_REJECTED',
      });
      expect(decision.next.state).toBe('REJECTED');
      expect(decision.citizen).toMatchObject({
        state: 'REJECTED',
        statusText: expect.stringContaining('erstattet') as string,
      });
    });

    it('cancels, delivering nothing, when the payment failed', () => {
      const decision = onPaymentFailed(awaiting, {
        applicationId: application.applicationId,
        paymentId: 'p',
        failedAt: now,
        reason: 'DECLINED',
        providerMessage: null,
      });
      expect(decision.next.state).toBe('CANCELLED');
      expect(decision.outgoing).toEqual([]);
      expect(decision.citizen?.state).toBe('CANCELLED');
    });

    it('cancels when the payment deadline passes', () => {
      const later = { ...settings, now: new Date(now.getTime() + settings.paymentDeadlineMs + 1) };
      expect(onDeadline(awaiting, later).next.state).toBe('CANCELLED');
      expect(onDeadline(awaiting, settings).next).toBe(awaiting);
    });
  });

  describe('in the procedure', () => {
    const delivered: Case = onDelivered(onSubmitted(withoutFee, freeRoute, settings).next, {
      applicationId: application.applicationId,
      deliveredAt: now,
      recipientAuthorityId: 'bab:05913000',
      transportMessageId: 'm',
      nachrichtenUUID: 'n',
      standard: 'XBAU',
      standardVersion: '2.6',
      messageType: 'baugenehmigung.antrag.0200',
    }).next;

    it('keeps the newest state when an older status arrives late, but still shows it in the timeline', () => {
      const completed = onStatusReported(
        delivered,
        status('10', '2026-11-30T09:00:00Z', 'BA-2026-0815'),
      ).next;
      const late = onStatusReported(completed, status('17', '2026-11-28T09:00:00Z'));
      expect(completed.state).toBe('COMPLETED');
      expect(late.next.state).toBe('COMPLETED');
      expect(late.next.caseNumber).toBe('BA-2026-0815');
      expect(late.citizen).toMatchObject({
        state: 'ACTION_REQUIRED',
        at: new Date('2026-11-28T09:00:00Z'),
      });
    });

    it('alerts the operators when delivery is not confirmed in time', () => {
      const requested = onSubmitted(withoutFee, freeRoute, settings).next;
      const later = {
        ...settings,
        now: new Date(now.getTime() + settings.transportReportDeadlineMs + 1),
      };
      expect(onDeadline(requested, later).next.state).toBe('DELIVERY_OVERDUE');
    });
  });
});
