export { sign, signatureHeaders, verify } from './webhook-signature.js';
