import type { Author } from '../src/envelope/signed-envelope.js';
import { authorOf } from '../src/author.js';
import { postboxConnectorConfigSchema } from '../src/config.js';

/** The connector's author as configured by default: the development key, Level 3. */
export const testAuthor: Author = authorOf(
  postboxConnectorConfigSchema.parse({
    KAFKA_BROKERS: 'k:9092',
    SCHEMA_REGISTRY_URL: 'http://r',
    DATABASE_URL: 'postgres://d',
  }),
);
