export { readBody, startXtaSimulator, type XtaSimulator } from './xta-simulator.js';
export {
  defaultReplyDelays,
  defaultStatusSequence,
  type DowntimeWindow,
  type FaultConfig,
  type ReplyDelays,
  type SoapExchange,
  type XtaSimulatorOptions,
} from './simulator-options.js';
export type { SimulatorRole } from './simulated-authority.js';
