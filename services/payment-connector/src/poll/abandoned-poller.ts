import type { KitLogger } from '@hub/kit';
import type { PaymentStore } from '../payment-store.js';
import type { PaymentVerifier } from '../payment-verifier.js';

export interface PollSettings {
  readonly provider: string;
  /** An open transaction is checked once its link is older than this. */
  readonly pollAfterMs: number;
  /** Still open this long after the link: withdrawn and failed as EXPIRED. */
  readonly abandonDeadlineMs: number;
  readonly batchSize?: number;
}

/**
 * The safety net for returns that never came and notifications that were lost: every open
 * transaction of this provider past `pollAfterMs` is checked by GET; past the deadline it is
 * cancelled. One failing payment does not stop the others. Returns how many were looked at.
 */
export async function pollOpenPayments(
  store: Pick<PaymentStore, 'dueForCheck'>,
  verifier: Pick<PaymentVerifier, 'check' | 'expire'>,
  settings: PollSettings,
  logger: KitLogger,
  now: Date = new Date(),
): Promise<number> {
  const due = await store.dueForCheck(
    settings.provider,
    new Date(now.getTime() - settings.pollAfterMs),
    settings.batchSize ?? 100,
  );
  for (const payment of due) {
    try {
      const state = await verifier.check(payment.paymentId, 'poll');
      const deadline =
        (payment.linkIssuedAt?.getTime() ?? now.getTime()) + settings.abandonDeadlineMs;
      if (state === 'LINK_ISSUED' && now.getTime() >= deadline) await verifier.expire(payment);
    } catch (error) {
      logger.warn(
        { err: error, paymentId: payment.paymentId },
        'poll failed; tried again next round',
      );
    }
  }
  return due.length;
}
