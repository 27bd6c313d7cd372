import { describe, expect, it } from 'vitest';
import { topics } from '@hub/contracts';
import { HubError } from '@hub/errors';
import type { Case, CaseState } from './case.js';
import {
  onChainDeadLettered,
  onDeadline,
  onDelivered,
  onPaymentFailed,
  onPaymentLinkIssued,
  onPaymentRefunded,
  onPaymentSettled,
  onSubmitted,
  type Decision,
} from './case-decisions.js';
import { feeIsPaid, paymentIdOf } from './fee-guard.js';
import { onStatusReported } from './status-decisions.js';
import {
  application,
  delivery,
  now,
  route,
  settings,
  settled,
  status,
  withFee,
  withoutFee,
} from '../test/case-fixtures.js';

const awaiting = onSubmitted(withFee, route, settings).next;
const paymentDeadLetter = {
  command: topics.paymentRequested.name,
  deadLetterTopic: 'dlq.payment-connector.payment-requested',
} as const;
const deliveryDeadLetter = {
  command: topics.deliveryRequested.name,
  deadLetterTopic: 'dlq.xbau-connector.delivery-requested',
} as const;

function deliveries(decision: Decision) {
  return decision.outgoing.filter((o) => o.topic === topics.deliveryRequested.name);
}

function refusal(decide: () => Decision): HubError {
  try {
    decide();
  } catch (error) {
    if (error instanceof HubError) return error;
  }
  throw new HubError('TEST_NOT_REFUSED', 'The decision was not refused.', { retryable: false });
}

describe('a route with a fee never reaches its procedure unpaid', () => {
  it('given a fee-bearing route, when the application states no fee or a smaller one, then nothing is delivered', () => {
    for (const stated of [
      withoutFee,
      withFee,
      { ...application, fee: { amount: '0.00', currency: 'EUR' as const } },
    ])
      expect(deliveries(onSubmitted(stated, route, settings))).toEqual([]);
  });

  it('given a requested fee, when the requested payment settles for the fee, then the application is delivered and the payment recorded', () => {
    const decision = onPaymentSettled(awaiting, settled(), settings);
    expect(deliveries(decision)).toHaveLength(1);
    expect(decision.next.settledPayment).toEqual({
      paymentId: paymentIdOf(application.applicationId),
      amount: { amount: '250.00', currency: 'EUR' },
    });
    expect(feeIsPaid(decision.next)).toBe(true);
  });

  it.each([
    [
      'a smaller amount',
      settled({ amount: { amount: '0.01', currency: 'EUR' } }),
      'PAYMENT_AMOUNT_MISMATCH',
    ],
    [
      'a larger amount',
      settled({ amount: { amount: '2500.00', currency: 'EUR' } }),
      'PAYMENT_AMOUNT_MISMATCH',
    ],
    [
      'another payment',
      settled({ paymentId: '5f0c3d2e-1b4a-4c6d-8e9f-0a1b2c3d4e5f' }),
      'PAYMENT_NOT_REQUESTED',
    ],
  ])(
    'given a requested fee, when %s is settled, then it is refused for good and nothing is delivered',
    (_, event, code) => {
      const error = refusal(() => onPaymentSettled(awaiting, event, settings));
      expect(error).toMatchObject({ code, retryable: false });
    },
  );

  it('given a delivered fee, when the payment is settled again, then nothing is delivered a second time', () => {
    const requested = onPaymentSettled(awaiting, settled(), settings).next;
    expect(deliveries(onPaymentSettled(requested, settled(), settings))).toEqual([]);
  });

  it('given a payment request that was dead-lettered, when it is replayed and paid, then the application is delivered', () => {
    const failed = onChainDeadLettered(awaiting, paymentDeadLetter, settings).next;
    expect(failed.state).toBe('DELIVERY_FAILED');
    expect(deliveries(onPaymentSettled(failed, settled(), settings))).toHaveLength(1);
    expect(
      refusal(() =>
        onPaymentSettled(
          failed,
          settled({ amount: { amount: '1.00', currency: 'EUR' } }),
          settings,
        ),
      ).code,
    ).toBe('PAYMENT_AMOUNT_MISMATCH');
  });

  const states: CaseState[] = [
    'AWAITING_PAYMENT',
    'DELIVERY_REQUESTED',
    'DELIVERY_OVERDUE',
    'DELIVERY_FAILED',
    'DELIVERED',
    'IN_PROCEDURE',
    'COMPLETED',
    'REJECTED',
    'CANCELLED',
    'UNROUTABLE',
  ];
  const payments = [
    null,
    {
      paymentId: paymentIdOf(application.applicationId),
      amount: { amount: '1.00', currency: 'EUR' as const },
    },
  ];
  const later = { ...settings, now: new Date(now.getTime() + 30 * 24 * 3_600_000) };
  const inputs: [string, (current: Case) => Decision][] = [
    ['settled for the fee', (c) => onPaymentSettled(c, settled(), settings)],
    [
      'settled for less',
      (c) =>
        onPaymentSettled(c, settled({ amount: { amount: '1.00', currency: 'EUR' } }), settings),
    ],
    [
      'pay link',
      (c) =>
        onPaymentLinkIssued(c, {
          applicationId: c.applicationId,
          paymentId: 'p',
          issuedAt: now,
          providerTransactionId: 't',
          paymentUrl: 'https://pay.example/t',
          expiresAt: null,
        }),
    ],
    [
      'refund',
      (c) =>
        onPaymentRefunded(c, {
          applicationId: c.applicationId,
          paymentId: 'p',
          refundId: 'r',
          refundedAt: now,
          amount: { amount: '250.00', currency: 'EUR' },
          reason: 'APPLICATION_REJECTED',
        }),
    ],
    [
      'payment failed',
      (c) =>
        onPaymentFailed(c, {
          applicationId: c.applicationId,
          paymentId: 'p',
          failedAt: now,
          reason: 'DECLINED',
          providerMessage: null,
        }),
    ],
    ['delivered', (c) => onDelivered(c, delivery)],
    ['receipt', (c) => onStatusReported(c, status('RECEIPT', '2026-11-25T10:00:00Z'))],
    ['decision', (c) => onStatusReported(c, status('10', '2026-11-26T10:00:00Z'))],
    ['delivery dead letter', (c) => onChainDeadLettered(c, deliveryDeadLetter, settings)],
    ['payment dead letter', (c) => onChainDeadLettered(c, paymentDeadLetter, settings)],
    ['deadline', (c) => onDeadline(c, later)],
  ];

  it('in every state, for every input, a delivery request leaves only a case whose fee is settled in full', () => {
    let decided = 0;
    for (const state of states)
      for (const settledPayment of payments)
        for (const [, decide] of inputs) {
          const current: Case = { ...awaiting, state, settledPayment };
          let decision: Decision;
          try {
            decision = decide(current);
          } catch {
            continue; // refused: the case is unchanged and nothing is sent
          }
          decided++;
          if (deliveries(decision).length > 0) expect(feeIsPaid(decision.next)).toBe(true);
        }
    expect(decided).toBeGreaterThan(states.length * inputs.length);
  });
});
