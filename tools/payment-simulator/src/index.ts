export {
  DEFAULT_NOTIFICATION_SECRET,
  startPaymentSimulator,
  type PaymentSimulator,
  type PaymentSimulatorOptions,
} from './payment-simulator.js';
export { faultsSchema, type Faults, type FaultsInput } from './faults.js';
export type { NotificationDelivery, NotificationSigning } from './notifier.js';
export type { SimulatorAuth } from './provider-auth.js';
export type { SimulatedRefund, SimulatedTransaction } from './transaction-store.js';
