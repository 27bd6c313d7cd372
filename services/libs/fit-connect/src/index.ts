export {
  callbackHeaders,
  callbackToleranceSeconds,
  signCallback,
  verifyCallback,
  type CallbackVerdict,
} from './callback-signature.js';
export {
  decryptWithDestinationKey,
  encryptForDestination,
  jweAlgorithms,
  sha512Hex,
} from './content-crypto.js';
export {
  setHeader,
  signDecision,
  verifySecurityEvent,
  type Decision,
  type SetSubject,
} from './security-event-token.js';
export {
  callbackBody,
  eventTypes,
  metadata,
  metadataSchemaUri,
  newSubmissionsCallbackType,
  problemTypes,
  setPayloadSchemaUri,
  submission,
  submissionsForPickup,
  type Metadata,
  type RejectionProblem,
  type Submission,
} from './wire.js';
