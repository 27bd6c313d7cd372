export { eventually, type EventuallyOptions } from '@hub/polling';
export {
  defaultLayout,
  bootstrapServers,
  registryUrl,
  zipkinUrl,
  type StackLayout,
} from './layout.js';
export { clusterIsReady, kafkaAdmin } from './kafka.js';
export { PlatformError } from './platform-error.js';
export { ping as pingDatabase } from './postgres.js';
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
