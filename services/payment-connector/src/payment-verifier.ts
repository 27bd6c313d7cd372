import type { KitLogger } from '@hub/kit';
import type { XBezahldiensteClient } from '@hub/xbezahldienste';
import { outcomeOf } from './map/payment-outcome.js';
import type { PaymentMetrics } from './payment-metrics.js';
import type { PaymentEvents } from './payment-events.js';
import type { Payment, PaymentState, PaymentStore } from './payment-store.js';

export type CheckTrigger = 'created' | 'return' | 'notification' | 'poll' | 'rejection';

/**
 * The only place an outcome is decided: `GET …/{transactionId}` at the provider, then one guarded
 * state move and its event in one database transaction. Returns, notifications and the poller all
 * come here; however often and in whatever order, a payment is settled or failed once.
 */
export class PaymentVerifier {
  constructor(
    private readonly client: Pick<XBezahldiensteClient, 'getTransaction' | 'cancelTransaction'>,
    private readonly store: PaymentStore,
    private readonly events: PaymentEvents,
    private readonly metrics: PaymentMetrics,
    private readonly logger: KitLogger,
  ) {}

  /** Asks the provider and applies its answer; returns the payment's state afterwards. */
  async check(paymentId: string, trigger: CheckTrigger): Promise<PaymentState | undefined> {
    const payment = await this.store.get(paymentId);
    if (payment?.state !== 'LINK_ISSUED' || payment.providerTransactionId === null) {
      return payment?.state;
    }
    const observed = await this.client.getTransaction(payment.providerTransactionId);
    const outcome = outcomeOf(observed);
    this.metrics.checks.inc({ trigger, status: observed.status });
    if (outcome.kind === 'open') {
      await this.store.markChecked(paymentId, observed.status);
      return 'LINK_ISSUED';
    }
    const now = new Date();
    return this.store.inTransaction(async (tx) => {
      if (outcome.kind === 'settled') {
        const settled = await this.store.transition(tx, paymentId, ['LINK_ISSUED'], 'SETTLED', {
          settledAt: now,
          providerStatus: observed.status,
          paymentMethod: observed.paymentMethod ?? null,
          amount: observed.amount ?? payment.amount,
        });
        if (settled) {
          await this.events.settled(settled, outcome.paymentMethod);
          this.metrics.outcomes.inc({ outcome: 'settled' });
          this.logger.info({ paymentId, trigger }, 'payment settled');
        }
        return settled?.state ?? (await this.store.get(paymentId))?.state;
      }
      const failed = await this.failIn(tx, payment, outcome.reason, observed.status, now);
      if (failed)
        this.logger.info({ paymentId, trigger, reason: outcome.reason }, 'payment failed');
      return failed?.state ?? (await this.store.get(paymentId))?.state;
    });
  }

  /**
   * The deadline passed with the transaction still open: withdraw it at the provider, then fail the
   * payment as EXPIRED. A provider that says it was paid meanwhile (conflict) gets a fresh check.
   */
  async expire(payment: Payment): Promise<PaymentState | undefined> {
    if (payment.providerTransactionId === null) return payment.state;
    const cancelled = await this.client
      .cancelTransaction(payment.providerTransactionId)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'PAYMENT_TRANSACTION_CONFLICT') return undefined;
        throw error;
      });
    if (cancelled?.status !== 'CANCELED') return this.check(payment.paymentId, 'poll');
    return this.store.inTransaction(async (tx) => {
      const failed = await this.failIn(tx, payment, 'EXPIRED', cancelled.status, new Date());
      return failed?.state ?? (await this.store.get(payment.paymentId))?.state;
    });
  }

  private async failIn(
    tx: Parameters<Parameters<PaymentStore['inTransaction']>[0]>[0],
    payment: Payment,
    reason: Parameters<PaymentEvents['failed']>[1],
    providerStatus: string,
    now: Date,
  ): Promise<Payment | undefined> {
    const failed = await this.store.transition(tx, payment.paymentId, ['LINK_ISSUED'], 'FAILED', {
      failedAt: now,
      failureReason: reason,
      providerStatus,
    });
    if (failed) {
      await this.events.failed(failed, reason);
      this.metrics.outcomes.inc({ outcome: 'failed' });
    }
    return failed;
  }
}
