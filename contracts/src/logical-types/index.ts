import { DecimalType } from './decimal.js';
import { LocalDateType } from './local-date.js';
import { TimestampMillisType } from './timestamp-millis.js';
import { UuidType } from './uuid.js';

/**
 * The logical types of the hub's contracts, as avsc implementations. Every place that turns a
 * schema into an avsc Type (contracts, the serde for writer schemas from the registry) passes
 * these, so a value has the same TypeScript shape wherever it is read.
 */
export const logicalTypes = {
  decimal: DecimalType,
  'timestamp-millis': TimestampMillisType,
  date: LocalDateType,
  uuid: UuidType,
};

export { DecimalType, LocalDateType, TimestampMillisType, UuidType };
