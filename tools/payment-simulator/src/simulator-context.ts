import type { PaymentStatus } from '@hub/xbezahldienste';
import type { FaultInjector } from './faults.js';
import type { Notifier } from './notifier.js';
import type { ProviderAuth } from './provider-auth.js';
import type { SimulatedTransaction, TransactionStore } from './transaction-store.js';

/** What every route of the simulator shares. */
export interface SimulatorContext {
  readonly store: TransactionStore;
  readonly faults: FaultInjector;
  readonly notifier: Notifier;
  readonly auth: ProviderAuth;
  /** The simulator's own URL, known once it listens. */
  readonly baseUrl: () => string;
}

/** The status the provider admits to: INITIAL while the stuck-at-INITIAL fault is on. */
export function reportedStatus(
  context: SimulatorContext,
  transaction: SimulatedTransaction,
): PaymentStatus {
  return context.faults.current().stuckAtInitial ? 'INITIAL' : transaction.status;
}

export function payPageUrl(context: SimulatorContext, transactionId: string): string {
  return `${context.baseUrl()}/pay/${encodeURIComponent(transactionId)}`;
}
