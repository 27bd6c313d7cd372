import { describe, expect, it } from 'vitest';
import type { Case } from './case.js';
import {
  onChainDeadLettered,
  onDeadline,
  onDelivered,
  onPaymentFailed,
  onPaymentLinkIssued,
  onPaymentRefunded,
  onPaymentSettled,
  onSubmitted,
} from './case-decisions.js';
import { onStatusReported } from './status-decisions.js';
import {
  applied,
  application,
  delivery,
  freeRoute,
  now,
  route,
  settings,
  settled,
  status,
  withFee,
  withoutFee,
} from '../test/case-fixtures.js';

describe('case decisions', () => {
  it('given a fee-bearing service, when an application arrives, then the fee is requested and the citizen asked to pay', () => {
    const decision = onSubmitted(withFee, route, settings);
    expect(decision.next.state).toBe('AWAITING_PAYMENT');
    expect(decision.outgoing.map((o) => o.topic)).toEqual(['payment.payment-requested.v1']);
    expect(decision.citizen).toMatchObject([{ state: 'ACTION_REQUIRED', actionRequired: true }]);
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
    expect(decision.citizen[0]?.state).toBe('REJECTED');
    expect(decision.citizen[0]?.statusText).toContain(withFee.serviceKey);
  });

  describe('after the fee was requested', () => {
    const awaiting = onSubmitted(withFee, route, settings).next;

    it('delivers once the payment is settled', () => {
      const decision = onPaymentSettled(awaiting, settled(), settings);
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
      expect(decision.citizen).toMatchObject([
        {
          state: 'ACTION_REQUIRED',
          actionText: expect.stringContaining('https://pay.example/t') as string,
        },
      ]);
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
      expect(decision.citizen).toMatchObject([
        { state: 'REJECTED', statusText: expect.stringContaining('erstattet') as string },
      ]);
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
      expect(decision.citizen[0]?.state).toBe('CANCELLED');
    });

    it('cancels when the payment deadline passes', () => {
      const later = { ...settings, now: new Date(now.getTime() + settings.paymentDeadlineMs + 1) };
      expect(onDeadline(awaiting, later).next.state).toBe('CANCELLED');
      expect(onDeadline(awaiting, settings).next).toBe(awaiting);
    });
  });

  describe('in the procedure', () => {
    const delivered: Case = onDelivered(
      onSubmitted(withoutFee, freeRoute, settings).next,
      delivery,
    ).next;

    it('keeps the newest state when an older status arrives late, but still shows it in the timeline', () => {
      const completed = applied(
        onStatusReported(delivered, status('10', '2026-11-30T09:00:00Z', 'BA-2026-0815')),
      );
      const late = onStatusReported(completed, status('17', '2026-11-28T09:00:00Z'));
      expect(completed.state).toBe('COMPLETED');
      expect(late.next.state).toBe('COMPLETED');
      expect(late.next.caseNumber).toBe('BA-2026-0815');
      expect(late.citizen).toMatchObject([
        {
          state: 'COMPLETED',
          statusText: expect.stringContaining('Status 17') as string,
          actionRequired: false,
          at: new Date('2026-11-28T09:00:00Z'),
        },
      ]);
    });

    it('alerts the operators and tells the citizen the authority is unreachable when delivery is not confirmed in time', () => {
      const requested = onSubmitted(withoutFee, freeRoute, settings).next;
      const later = {
        ...settings,
        now: new Date(now.getTime() + settings.transportReportDeadlineMs + 1),
      };
      const decision = onDeadline(requested, later);
      expect(decision.next.state).toBe('DELIVERY_OVERDUE');
      expect(decision.citizen).toMatchObject([
        {
          state: 'SUBMITTED',
          statusText: expect.stringContaining('vorübergehend nicht erreichbar') as string,
          at: later.now,
        },
      ]);
    });

    it('tells the citizen nothing while the delivery is within the deadline', () => {
      const requested = onSubmitted(withoutFee, freeRoute, settings).next;
      const soon = { ...settings, now: new Date(now.getTime() + 60_000) };
      expect(onDeadline(requested, soon).citizen).toEqual([]);
    });
  });

  describe('when a command is dead-lettered down the chain', () => {
    const requested = onSubmitted(withoutFee, freeRoute, settings).next;
    const deliveryDead = {
      command: 'procedure.delivery-requested.v1',
      deadLetterTopic: 'dlq.xbau-connector.delivery-requested',
    } as const;

    it('given a requested delivery, when it is dead-lettered, then the citizen sees DELIVERY_FAILED', () => {
      const decision = onChainDeadLettered(requested, deliveryDead, settings);
      expect(decision.next).toMatchObject({ state: 'DELIVERY_FAILED', deadline: null });
      expect(decision.citizen).toMatchObject([
        {
          state: 'DELIVERY_FAILED',
          statusText: 'Ihr Antrag konnte nicht zugestellt werden; die Stadt kümmert sich darum.',
        },
      ]);
    });

    it('given a requested delivery, when a stale payment request is dead-lettered, then nothing changes', () => {
      const stale = { command: 'payment.payment-requested.v1', deadLetterTopic: 'dlq.p' } as const;
      expect(onChainDeadLettered(requested, stale, settings).next).toBe(requested);
    });

    it('given a delivered case, when an old delivery request is dead-lettered, then nothing changes', () => {
      const delivered = onDelivered(requested, delivery).next;
      expect(onChainDeadLettered(delivered, deliveryDead, settings).next).toBe(delivered);
    });

    it('given a failed delivery, when the operators replay it and it arrives, then the case is delivered', () => {
      const failed = applied(onChainDeadLettered(requested, deliveryDead, settings));
      expect(onChainDeadLettered(failed, deliveryDead, settings).next).toBe(failed);
      const delivered = onDelivered(failed, delivery);
      expect(delivered.next.state).toBe('DELIVERED');
      expect(delivered.citizen[0]?.state).toBe('RECEIVED');
    });
  });
});
