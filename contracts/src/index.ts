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
export { readSchemaSources, schemaDirectory, schemas, schemaSet, schemaType } from './schemas.js';
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
export { examples } from './examples.js';
