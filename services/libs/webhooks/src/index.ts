export { sign, signatureHeaders, verify, verifyRequest } from './webhook-signature.js';
