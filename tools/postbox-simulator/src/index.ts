export { startPostboxSimulator } from './postbox-simulator.js';
export type { PostboxSimulator, PostboxSimulatorOptions } from './postbox-simulator.js';
export type { StoredMessage } from './mailbox-store.js';
export { devAuthorPublicKey } from './dev-author-key.js';
