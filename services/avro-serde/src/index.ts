export {
  AvroSerde,
  assertValid,
  registeredSchema,
  type AvroSerdeOptions,
  type Decoded,
} from './avro-serde.js';
export { SchemaRegistryClient, type CompatibilityLevel } from './schema-registry-client.js';
export {
  InvalidValueError,
  RegistryRejectedError,
  RegistryUnavailableError,
  UndecodableRecordError,
} from './serde-errors.js';
export { frame, unframe } from './wire-format.js';
