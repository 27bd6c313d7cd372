import avro from 'avsc';
import { ContractError } from './contract-error.js';
import { logicalTypes } from './logical-types/index.js';

/** One `.avsc` file: `name` is its path below `contracts/schemas` without the extension. */
export interface SchemaSource {
  readonly name: string;
  readonly text: string;
}

export interface SchemaSet {
  /** The parsed type of each source, by source name. */
  readonly types: ReadonlyMap<string, avro.Type>;
  /** Which source defines each named type (full name → source name). */
  readonly definedIn: ReadonlyMap<string, string>;
  /** The fields marked `"personalData": true`, as record full name → field names. */
  readonly personalFields: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The options every schema of the hub is parsed with. A fresh object each time: avsc stores its
 * registry of named types in the options it is given.
 */
export function parseOptions(): Partial<avro.ForSchemaOptions> {
  return { logicalTypes, assertLogicalTypes: true };
}

/**
 * Parses the sources as one set: a schema may use a named type of another file by its full name
 * (e.g. `de.hub.common.Money`), so sources are parsed in whatever order resolves every reference.
 * A type's `schema()` is self-contained, which is what the registry gets.
 */
export function parseSchemaSet(sources: readonly SchemaSource[]): SchemaSet {
  const registry: Record<string, avro.Type> = {};
  const types = new Map<string, avro.Type>();
  const definedIn = new Map<string, string>();
  const personalFields = new Map<string, Set<string>>();
  let pending = [...sources];
  while (pending.length > 0) {
    const failures: string[] = [];
    const stillPending: SchemaSource[] = [];
    for (const source of pending) {
      // Parse into a copy: a failed attempt must not leave half its named types behind.
      const attempt = { ...registry };
      try {
        const type = avro.Type.forSchema(JSON.parse(source.text) as avro.Schema, {
          ...parseOptions(),
          registry: attempt,
          typeHook: notePersonalFields(personalFields),
        });
        for (const name of Object.keys(attempt)) {
          if (!(name in registry) && name.includes('.')) definedIn.set(name, source.name);
        }
        Object.assign(registry, attempt);
        types.set(source.name, type);
      } catch (error) {
        stillPending.push(source);
        failures.push(`${source.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (stillPending.length === pending.length)
      throw new ContractError(`Schemas cannot be parsed: ${failures.join('; ')}`);
    pending = stillPending;
  }
  return { types, definedIn, personalFields };
}

interface RecordSchema {
  readonly type: string;
  readonly name: string;
  readonly namespace?: string;
  readonly fields: readonly { readonly name: string; readonly personalData?: unknown }[];
}

// avsc keeps no custom attributes, so the marks are collected while parsing.
function notePersonalFields(into: Map<string, Set<string>>) {
  return (schema: avro.Schema, opts: avro.ForSchemaOptions): undefined => {
    const record = schema as unknown as RecordSchema;
    if (typeof schema !== 'object' || Array.isArray(schema) || record.type !== 'record') return;
    const namespace = record.namespace ?? opts.namespace;
    const fullName =
      record.name.includes('.') || !namespace ? record.name : `${namespace}.${record.name}`;
    const marked = record.fields.filter((field) => field.personalData === true);
    if (marked.length > 0) into.set(fullName, new Set(marked.map((field) => field.name)));
  };
}
