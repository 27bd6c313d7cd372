export { eventually } from '@hub/platform';
export {
  collectFrom,
  createTestTopic,
  startGroupsAtEnd,
  testKafka,
  testProducer,
} from './kafka.js';
export { platform } from './platform.js';
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
export { startToolProcess, type ToolProcess } from './tool-process.js';
