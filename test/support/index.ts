export { eventually } from '@hub/platform';
export {
  collectFrom,
  commitTopicEnd,
  createTestTopic,
  startGroupsAtEnd,
  testKafka,
  testProducer,
} from './kafka.js';
export { platform } from './platform.js';
export { localThreeNodeCluster, type LocalCluster } from './local-cluster.js';
export { startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';
export { startServiceProcess, type ServiceProcess } from './service-process.js';
export { uniqueGroup, uniqueServiceName, uniqueTopic } from './unique.js';
export { tcpProxy, type TcpProxy } from './tcp-proxy.js';
export {
  metricsText,
  notReadyWithout,
  readiness,
  readinessBecomes,
  readyStatus,
  readyWith,
} from './ops-endpoints.js';
export { startOutboundSimulator, type OutboundSimulator } from '@hub/outbound-simulator';
export { startOfficeSimulator } from '@hub/office-simulator';
export {
  devAuthorPublicKey,
  startPostboxSimulator,
  type PostboxSimulator,
  type StoredMessage,
} from '@hub/postbox-simulator';
export {
  devDestination,
  devDestinationFiles,
  pickupPeriodMs,
  registerDevDestination,
  sendSubmission,
  startFitConnectSimulator,
  type FitConnectSimulator,
  type OutgoingSubmission,
  type Tampering,
} from '@hub/fit-connect-simulator';
export { startToolProcess, type ToolProcess } from './tool-process.js';
