export {
  startOfficeSimulator,
  type OfficeSimulator,
  type OfficeSimulatorOptions,
  type ReceivedReport,
} from './office-simulator.js';
export { sendStatusChange, type StatusChange } from './status-callback.js';
