export { AvroSerde, assertValid, type AvroSerdeOptions, type Decoded } from './avro-serde.js';
export { registeredSchema } from './registered-schema.js';
export { SchemaRegistryClient, type CompatibilityLevel } from './schema-registry-client.js';
export {
  InvalidValueError,
  RegistryRejectedError,
  RegistryUnavailableError,
  UndecodableRecordError,
} from './serde-errors.js';
export { frame, unframe } from './wire-format.js';
