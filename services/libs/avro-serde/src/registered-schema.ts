import avro from 'avsc';
import { registryTextOf } from '@hub/contracts';

/**
 * The schema text the registry gets for `type`. Every producer and `hub contracts register` use
 * this, so one schema is one registry version.
 *
 * The hub's own schemas are registered as their files say (docs, defaults, enum defaults, logical
 * types, `personalData`), so outside readers see what the repository says. Any other type (tests,
 * tools) goes through avsc's export, which keeps defaults, aliases, docs and logical types (a bare
 * `type.schema()` drops them, and without defaults the registry could not judge compatibility)
 * but leaves out an enum's `default`, which ADR 0005's "an unknown symbol reads as the default"
 * rule depends on for any reader that takes its schema from the registry; it is put back from the
 * parsed type.
 */
export function registeredSchema(type: avro.Type): string {
  let text = textByType.get(type);
  if (text === undefined) textByType.set(type, (text = schemaTextOf(type)));
  return text;
}

/**
 * Every encode asks for its type's text; building it walks the schema files and took 2–5 % of a
 * busy service's CPU (issue 17), so each type's text is built once.
 */
const textByType = new WeakMap<avro.Type, string>();

function schemaTextOf(type: avro.Type): string {
  const contract = registryTextOf(type);
  if (contract !== undefined) return contract;
  const exported = type.schema({ exportAttrs: true });
  restoreEnumDefaults(exported, type);
  return JSON.stringify(exported);
}

/** Walks the exported schema and the type it came from side by side; named references stop it. */
function restoreEnumDefaults(exported: unknown, type: avro.Type): void {
  if (typeof exported !== 'object' || exported === null) return;
  if (Array.isArray(exported)) {
    const { types: branches } = type as unknown as { readonly types: readonly avro.Type[] };
    exported.forEach((branch: unknown, index) => {
      const branchType = branches[index];
      if (branchType) restoreEnumDefaults(branch, branchType);
    });
    return;
  }
  const schema = exported as Record<string, unknown>;
  if (type instanceof avro.types.LogicalType) return;
  if (type instanceof avro.types.EnumType) {
    const { default: symbol } = type as avro.types.EnumType & { readonly default?: string };
    if (symbol !== undefined) schema.default = symbol;
  } else if (type instanceof avro.types.RecordType) {
    const fields = schema.fields as readonly { readonly type: unknown }[];
    type.fields.forEach((field, index) => {
      restoreEnumDefaults(fields[index]?.type, field.type);
    });
  } else if (type instanceof avro.types.ArrayType) {
    restoreEnumDefaults(schema.items, type.itemsType);
  } else if (type instanceof avro.types.MapType) {
    restoreEnumDefaults(schema.values, type.valuesType as avro.Type);
  }
}
