export { HubError, type HubErrorOptions } from './hub-error.js';
