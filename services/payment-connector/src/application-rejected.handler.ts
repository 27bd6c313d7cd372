import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type CitizenStatusChanged } from '@hub/contracts';
import { HubError } from '@hub/errors';
import { KitEvent, outboundId, type EventContext, type KitLogger } from '@hub/kit';
import type { XBezahldiensteClient } from '@hub/xbezahldienste';
import type { PaymentEvents } from './payment-events.js';
import type { PaymentMetrics } from './payment-metrics.js';
import type { Payment, PaymentStore } from './payment-store.js';
import type { PaymentVerifier } from './payment-verifier.js';

export const APPLICATION_REJECTED_DEPS = Symbol('payment-connector.application-rejected');

export interface ApplicationRejectedDeps {
  readonly client: Pick<XBezahldiensteClient, 'refundTransaction' | 'cancelTransaction'>;
  readonly store: PaymentStore;
  readonly events: PaymentEvents;
  readonly verifier: Pick<PaymentVerifier, 'check'>;
  readonly metrics: PaymentMetrics;
  readonly logger: KitLogger;
}

/**
 * The procedure rejected the application: a paid fee goes back (refund), an unpaid transaction is
 * withdrawn (cancel). Other citizen states are not this connector's business.
 */
@Controller()
export class ApplicationRejectedHandler {
  constructor(@Inject(APPLICATION_REJECTED_DEPS) private readonly deps: ApplicationRejectedDeps) {}

  @KitEvent(topics.citizenStatusChanged, { name: 'citizen-status-changed' })
  async handle(
    @Payload() change: CitizenStatusChanged,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { deps } = this;
    if (change.state !== 'REJECTED') return;
    for (const payment of await deps.store.ofApplication(change.applicationId)) {
      if (payment.state === 'LINK_ISSUED') await withdraw(deps, payment);
      if ((await deps.store.get(payment.paymentId))?.state === 'SETTLED') {
        await refund(deps, payment);
      }
    }
    deps.logger.debug(
      { applicationId: change.applicationId, eventId: context.eventId },
      'rejection handled',
    );
  }
}

/** Cancels at the provider; paid meanwhile (conflict) → checked, so the refund below applies. */
async function withdraw(deps: ApplicationRejectedDeps, payment: Payment): Promise<void> {
  if (payment.providerTransactionId === null) return;
  try {
    await deps.client.cancelTransaction(payment.providerTransactionId);
  } catch (error) {
    if (!(error instanceof HubError && error.code === 'PAYMENT_TRANSACTION_CONFLICT')) throw error;
  }
  await deps.verifier.check(payment.paymentId, 'rejection');
}

/**
 * One full refund per payment: its requestId derives from the payment id (not from the rejecting
 * event), so a second rejection event or a retry after a crash can never pay back twice.
 */
async function refund(deps: ApplicationRejectedDeps, payment: Payment): Promise<void> {
  if (payment.providerTransactionId === null) return;
  const refundId = outboundId(payment.paymentId, 'refund');
  await deps.client.refundTransaction(payment.providerTransactionId, {
    requestId: refundId,
    amount: payment.amount,
    reason: 'Antrag abgelehnt',
  });
  await deps.store.inTransaction(async (tx) => {
    const refunded = await deps.store.transition(tx, payment.paymentId, ['SETTLED'], 'REFUNDED', {
      refundId,
      refundedAt: new Date(),
    });
    if (refunded) {
      await deps.events.refunded(refunded);
      deps.metrics.outcomes.inc({ outcome: 'refunded' });
    }
  });
}
