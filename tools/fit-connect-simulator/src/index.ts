export type { CallbackDelivery } from './callbacks.js';
export type { ApiClient } from './clients.js';
export type { Faults } from './faults.js';
export { startFitConnectSimulator, type FitConnectSimulator } from './fit-connect-simulator.js';
export {
  clientToken,
  sendSubmission,
  type OutgoingAttachment,
  type OutgoingSubmission,
  type SenderCredentials,
  type Tampering,
} from './sender.js';
export { pickupPeriodMs, type Destination, type StoredSubmission } from './submission-store.js';
export {
  devDestination,
  devDestinationFiles,
  registerDevDestination,
  type DevDestination,
} from './dev-destination.js';
