import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { topics, type PaymentRequested } from '@hub/contracts';
import { KitEvent, type EventContext } from '@hub/kit';
import type { XBezahldiensteClient } from '@hub/xbezahldienste';
import { requestIdOf, toCreateTransaction, type PaymentUrls } from './map/to-create-transaction.js';
import type { PaymentEvents } from './payment-events.js';
import type { PaymentStore } from './payment-store.js';
import type { PaymentVerifier } from './payment-verifier.js';

export const PAYMENT_REQUESTED_DEPS = Symbol('payment-connector.payment-requested');

export interface PaymentRequestedDeps {
  readonly client: Pick<XBezahldiensteClient, 'createTransaction'>;
  readonly store: PaymentStore;
  readonly events: PaymentEvents;
  readonly verifier: Pick<PaymentVerifier, 'check'>;
  readonly provider: string;
  readonly urlsFor: (paymentId: string) => PaymentUrls;
}

/**
 * payment requested → record → create the transaction (same requestId on every retry: the provider
 * returns the one it has) → issue the link once. Provider errors keep their retry decision, so a
 * timeout is retried by the kit and a rejected request goes to the dead-letter topic.
 */
@Controller()
export class PaymentRequestedHandler {
  constructor(@Inject(PAYMENT_REQUESTED_DEPS) private readonly deps: PaymentRequestedDeps) {}

  @KitEvent(topics.paymentRequested, { name: 'payment-requested' })
  async handle(
    @Payload() requested: PaymentRequested,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { deps } = this;
    const { paymentId } = requested;
    await deps.store.recordRequested({
      paymentId,
      applicationId: requested.applicationId,
      requestId: requestIdOf(paymentId),
      provider: deps.provider,
      amount: requested.amount.amount,
      currency: requested.amount.currency,
      requestedAt: requested.requestedAt,
      traceparent: context.traceparent ?? null,
    });
    const created = await deps.client.createTransaction(
      toCreateTransaction(requested, deps.urlsFor(paymentId)),
    );
    await deps.store.inTransaction(async (tx) => {
      const issued = await deps.store.transition(tx, paymentId, ['REQUESTED'], 'LINK_ISSUED', {
        providerTransactionId: created.transactionId,
        payPageUrl: created.payPageUrl,
        providerStatus: created.status,
        linkIssuedAt: new Date(),
      });
      if (issued) await deps.events.linkIssued(issued, context);
    });
    // A retry after a lost answer may find the citizen already done: decide that now.
    if (created.status !== 'INITIAL') await deps.verifier.check(paymentId, 'created');
  }
}
