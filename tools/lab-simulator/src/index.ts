export {
  startLabSimulator,
  type LabSimulator,
  type LabSimulatorOptions,
  type SentMessage,
} from './lab-simulator.js';
export type { RecordedAnswer } from './recorded-answer.js';
export type { ReportOrder } from './report-order.js';
export { labOrderSchema, type LabOrder } from './lab-order.js';
