import type { PaymentFailureReason, PaymentMethod } from '@hub/contracts';
import type { TransactionState } from '@hub/xbezahldienste';

export type Outcome =
  | { readonly kind: 'open' }
  | { readonly kind: 'settled'; readonly paymentMethod: PaymentMethod }
  | { readonly kind: 'failed'; readonly reason: PaymentFailureReason };

/** What a verified provider status means for the hub (PURE). INITIAL: the citizen has not finished. */
export function outcomeOf(state: TransactionState): Outcome {
  switch (state.status) {
    case 'INITIAL':
      return { kind: 'open' };
    case 'PAYED':
      return { kind: 'settled', paymentMethod: paymentMethodOf(state.paymentMethod) };
    case 'FAILED':
      return { kind: 'failed', reason: 'DECLINED' };
    case 'CANCELED':
      return { kind: 'failed', reason: 'CANCELLED' };
  }
}

/** Provider names for payment methods (ePayBL and others), without spaces, dashes and underscores → the contract's enum; unknown → OTHER. */
const methodAliases: Readonly<Record<string, PaymentMethod>> = {
  CREDITCARD: 'CREDIT_CARD',
  KREDITKARTE: 'CREDIT_CARD',
  PAYPAL: 'PAYPAL',
  GIROPAY: 'GIROPAY',
  SEPA: 'SEPA_DIRECT_DEBIT',
  SEPADIRECTDEBIT: 'SEPA_DIRECT_DEBIT',
  LASTSCHRIFT: 'SEPA_DIRECT_DEBIT',
  DIRECTDEBIT: 'SEPA_DIRECT_DEBIT',
  PAYDIRECT: 'PAYDIRECT',
};

export function paymentMethodOf(providerName: string | undefined): PaymentMethod {
  const normalised = (providerName ?? '').toUpperCase().replace(/[\s_-]/g, '');
  return methodAliases[normalised] ?? 'OTHER';
}
