export {
  startOutboundSimulator,
  type OutboundSimulator,
  type ReceivedRequest,
} from './outbound-simulator.js';
