import {
  topics,
  type PaymentFailed,
  type PaymentFailureReason,
  type PaymentLinkIssued,
  type PaymentMethod,
  type PaymentRefunded,
  type PaymentSettled,
} from '@hub/contracts';
import { outboundId, type EventContext, type EventProducer, type ValueOf } from '@hub/kit';
import type { Payment } from './payment-store.js';

const paymentTopics = {
  linkIssued: topics.paymentLinkIssued,
  settled: topics.paymentSettled,
  failed: topics.paymentFailed,
  refunded: topics.paymentRefunded,
} as const;

/**
 * The connector's four events. Each has an id derived from the payment and the topic, whoever
 * triggers it (the handler, a return, a notification, the poller): if a crash lets one be published
 * twice, consumers' ledgers see the same event id and drop the repeat.
 */
export class PaymentEvents {
  constructor(private readonly producer: EventProducer) {}

  linkIssued(payment: Payment, causedBy?: EventContext): Promise<string> {
    const value: PaymentLinkIssued = {
      applicationId: payment.applicationId,
      paymentId: payment.paymentId,
      issuedAt: payment.linkIssuedAt ?? new Date(),
      providerTransactionId: payment.providerTransactionId ?? '',
      paymentUrl: payment.payPageUrl ?? '',
      expiresAt: null,
    };
    return this.publish('linkIssued', payment, value, causedBy);
  }

  settled(payment: Payment, paymentMethod: PaymentMethod): Promise<string> {
    const value: PaymentSettled = {
      applicationId: payment.applicationId,
      paymentId: payment.paymentId,
      settledAt: payment.settledAt ?? new Date(),
      providerTransactionId: payment.providerTransactionId ?? '',
      amount: { amount: payment.amount, currency: 'EUR' },
      paymentMethod,
    };
    return this.publish('settled', payment, value);
  }

  failed(payment: Payment, reason: PaymentFailureReason, causedBy?: EventContext): Promise<string> {
    const value: PaymentFailed = {
      applicationId: payment.applicationId,
      paymentId: payment.paymentId,
      failedAt: payment.failedAt ?? new Date(),
      reason,
      providerMessage: payment.providerStatus ? `provider status ${payment.providerStatus}` : null,
    };
    return this.publish('failed', payment, value, causedBy);
  }

  refunded(payment: Payment, causedBy?: EventContext): Promise<string> {
    const value: PaymentRefunded = {
      applicationId: payment.applicationId,
      paymentId: payment.paymentId,
      refundId: payment.refundId ?? '',
      refundedAt: payment.refundedAt ?? new Date(),
      amount: { amount: payment.amount, currency: 'EUR' },
      reason: 'APPLICATION_REJECTED',
    };
    return this.publish('refunded', payment, value, causedBy);
  }

  private publish<K extends keyof typeof paymentTopics>(
    kind: K,
    payment: Payment,
    value: ValueOf<(typeof paymentTopics)[K]>,
    causedBy?: EventContext,
  ): Promise<string> {
    const topic = paymentTopics[kind];
    return this.producer.publish(topic, {
      key: payment.applicationId,
      value,
      eventId: outboundId(payment.paymentId, topic.name),
      // Outcomes found by callback or poll have no cause in Kafka: they continue the request's trace.
      ...(causedBy
        ? { causedBy }
        : payment.traceparent
          ? { traceparent: payment.traceparent }
          : {}),
    });
  }
}
