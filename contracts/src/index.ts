export { ContractError } from './contract-error.js';
export * from './generated/index.js';
export {
  DecimalType,
  LocalDateType,
  logicalTypes,
  TimestampMillisType,
  UuidType,
} from './logical-types/index.js';
export { personalDataPaths } from './personal-data.js';
export { parseOptions, parseSchemaSet, type SchemaSet, type SchemaSource } from './schema-set.js';
export {
  readSchemaSources,
  registryTextOf,
  schemaDirectory,
  schemas,
  schemaSet,
  schemaType,
} from './schemas.js';
export { fullName, selfContainedSchema } from './self-contained-schema.js';
export {
  consumedBy,
  deadLetterTopic,
  deadLetterWatcherName,
  deliveryChainGroups,
  eventTopics,
  pollerDeadLetterGroups,
  topicCatalogue,
  topics,
  valueSubject,
  type EventTopic,
  type TopicSpec,
  type TopicValue,
} from './topics.js';
export {
  deliveryTopicOf,
  procedureKind,
  procedureKinds,
  type DeliveryTopicName,
  type ProcedureKind,
  type ProcedureKindName,
} from './procedures.js';
export { examples } from './examples.js';
export {
  drinkingWaterLimits,
  drinkingWaterLimitVersions,
  type DrinkingWaterLimit,
  type DrinkingWaterLimitTable,
} from './drinking-water-limits.js';
export { documentContentMaxBytes } from './documents.js';
