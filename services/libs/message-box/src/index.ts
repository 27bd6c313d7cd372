export {
  BoxDeadLetters,
  boxDeadLetterHeaders,
  type BoxDeadLettersDependencies,
  type BoxRejection,
} from './box-dead-letters.js';
export { ClaimChecks } from './claim-checks.js';
export {
  deadLetterCapacity,
  kafkaDefaultMaxMessageBytes,
  valueCapacity,
} from './dead-letter-capacity.js';
export { FetchFailures } from './fetch-failures.js';
export { openBoxDeadLetters, type OpenedBoxDeadLetters } from './open-box-dead-letters.js';
export {
  MessageBoxPoller,
  type BoxAttachment,
  type BoxMessageHandler,
  type BoxReading,
  type MessageBox,
  type MessageBoxPollerDependencies,
} from './message-box-poller.js';
