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
