export { describeHandlerContract, type HandlerUnderTest } from './handler-contract.js';
