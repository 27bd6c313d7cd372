export { eventually, type EventuallyOptions } from '@hub/polling';
export { defaultLayout, portOffset, prometheusUrl, repoRoot, type StackLayout } from './layout.js';
export {
  answersReady,
  forgetHubProcesses,
  hubProcessStatus,
  recordHubProcesses,
  type HubProcess,
} from './hub-processes.js';
export { kafkaAdmin } from './kafka.js';
export { PlatformError } from './platform-error.js';
export { prometheusArgs } from './prometheus.js';
export {
  down,
  runningEndpoints,
  status,
  stopPart,
  up,
  type PartStatus,
  type PlatformEndpoints,
  type UpOptions,
} from './stack.js';
