import { ContractError } from './contract-error.js';
import type { SchemaSource } from './schema-set.js';

type Schema = Record<string, unknown>;

const primitives = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);
const namedKinds = new Set(['record', 'enum', 'fixed']);
const complexKinds = new Set([...namedKinds, 'array', 'map']);

/**
 * The text the registry gets for the schema of one file: the file as written (every attribute:
 * docs, defaults, enum defaults, logical types, `personalData`), with each named type of another
 * file written out where it is first used, since a registered schema must stand alone (ADR 0005).
 * Later uses stay references, as Avro requires.
 */
export function selfContainedSchema(name: string, sources: readonly SchemaSource[]): unknown {
  const files = new Map(sources.map((source) => [source.name, JSON.parse(source.text) as unknown]));
  if (!files.has(name)) throw new ContractError(`There is no schema ${name} in contracts/schemas.`);
  const definitions = new Map<string, Schema>();
  for (const file of files.values()) collectDefinitions(file, undefined, definitions);
  return inline(files.get(name), undefined, definitions, new Set());
}

/** `name` as a full name: names with a dot are full already, others take the namespace. */
export function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

/** The namespace a named type gives the types inside it. */
function namespaceOf(full: string): string | undefined {
  return full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : undefined;
}

/** Whether a schema's `type` is a reference or a nested schema rather than a kind keyword. */
function isTypeReference(type: unknown): boolean {
  return typeof type !== 'string' || !(primitives.has(type) || complexKinds.has(type));
}

function collectDefinitions(
  node: unknown,
  namespace: string | undefined,
  into: Map<string, Schema>,
) {
  if (Array.isArray(node)) {
    for (const branch of node) collectDefinitions(branch, namespace, into);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Schema;
  let inner = namespace;
  if (namedKinds.has(schema.type as string)) {
    const full = fullName(
      String(schema.name),
      (schema.namespace as string | undefined) ?? namespace,
    );
    // A nested type written out in another file keeps the namespace it was defined under.
    into.set(full, { ...schema, ...(namespaceOf(full) ? { namespace: namespaceOf(full) } : {}) });
    inner = namespaceOf(full);
  }
  for (const field of (schema.fields as readonly Schema[] | undefined) ?? [])
    collectDefinitions(field.type, inner, into);
  for (const key of ['items', 'values'] as const) collectDefinitions(schema[key], inner, into);
  if (isTypeReference(schema.type)) collectDefinitions(schema.type, inner, into);
}

function inline(
  node: unknown,
  namespace: string | undefined,
  definitions: ReadonlyMap<string, Schema>,
  written: Set<string>,
): unknown {
  if (typeof node === 'string') {
    if (primitives.has(node)) return node;
    const full = fullName(node, namespace);
    if (written.has(full)) return node;
    const definition = definitions.get(full);
    if (!definition)
      throw new ContractError(`The type ${full} is defined in no file of contracts/schemas.`);
    return inline(definition, namespace, definitions, written);
  }
  if (Array.isArray(node))
    return node.map((branch) => inline(branch, namespace, definitions, written));
  if (typeof node !== 'object' || node === null) return node;
  const schema = node as Schema;
  const copy: Schema = { ...schema };
  let inner = namespace;
  if (namedKinds.has(schema.type as string)) {
    const full = fullName(
      String(schema.name),
      (schema.namespace as string | undefined) ?? namespace,
    );
    written.add(full);
    inner = namespaceOf(full);
  }
  if (Array.isArray(schema.fields))
    copy.fields = (schema.fields as readonly Schema[]).map((field) => ({
      ...field,
      type: inline(field.type, inner, definitions, written),
    }));
  for (const key of ['items', 'values'] as const)
    if (key in schema) copy[key] = inline(schema[key], inner, definitions, written);
  if (isTypeReference(schema.type)) copy.type = inline(schema.type, inner, definitions, written);
  return copy;
}
