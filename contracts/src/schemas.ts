import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type avro from 'avsc';
import { ContractError } from './contract-error.js';
import { schemaNames } from './generated/index.js';
import { parseSchemaSet, type SchemaSet, type SchemaSource } from './schema-set.js';
import { selfContainedSchema } from './self-contained-schema.js';

/** Where the `.avsc` files live; the one source of truth for every event's shape. */
export const schemaDirectory = fileURLToPath(new URL('../schemas/', import.meta.url));

/** The `.avsc` files below `directory`, sorted by name (e.g. `portal/application-submitted`). */
export function readSchemaSources(directory = schemaDirectory): SchemaSource[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.avsc'))
    .map((file) => file.split('\\').join('/'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.avsc'.length),
      text: readFileSync(join(directory, file), 'utf8'),
    }));
}

const sources = readSchemaSources();

/** The hub's schemas, parsed with the hub's logical types. */
export const schemaSet: SchemaSet = parseSchemaSet(sources);

/**
 * The registry text of `type` when it is one of the hub's schemas (the very object `schemaType`
 * returns): the file with every attribute, self-contained (see selfContainedSchema).
 */
export function registryTextOf(type: avro.Type): string | undefined {
  const name = [...schemaSet.types].find(([, candidate]) => candidate === type)?.[0];
  return name === undefined ? undefined : JSON.stringify(selfContainedSchema(name, sources));
}

/** The avsc type of one schema, e.g. `schemaType('portal/application-submitted')`. */
export function schemaType(name: string): avro.Type {
  const type = schemaSet.types.get(name);
  if (!type) throw new ContractError(`There is no schema ${name} in contracts/schemas.`);
  return type;
}

/**
 * Every schema's avsc type by its short name, e.g. `schemas.applicationSubmitted`; looked up on
 * first use, so a schema removed before the types are regenerated fails only where it is used.
 */
export const schemas = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(schemaNames).map(([key, name]) => [
      key,
      { enumerable: true, get: () => schemaType(name) },
    ]),
  ),
) as { readonly [Key in keyof typeof schemaNames]: avro.Type };
