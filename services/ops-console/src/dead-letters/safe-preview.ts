import avro from 'avsc';
import { unframe } from '@hub/avro-serde';
import { parseOptions, personalDataPaths, schemaSet, type SchemaSet } from '@hub/contracts';

/** One leaf field of the payload: its path, and its value only where that cannot be personal data. */
export interface PreviewField {
  readonly path: string;
  /** undefined: hidden (marked personal, below a personal field, or of a schema the hub does not know). */
  readonly value: string | undefined;
}

export interface SafePreview {
  readonly sizeBytes: number;
  readonly schemaId: number | undefined;
  readonly schemaName: string | undefined;
  readonly fields: readonly PreviewField[];
  /** Why there are no fields, when there are none. */
  readonly note: string | undefined;
}

const longestValue = 120;

/**
 * What an operator may see of a dead letter's payload: size, schema and field names, and values
 * only of fields the catalogue knows and does not mark `personalData` (ADR 0010). Pure: the
 * writer's schema text (from the registry) is passed in.
 */
export function safePreview(
  value: Buffer | null,
  writerSchema: (schemaId: number) => string | undefined,
  set: SchemaSet = schemaSet,
): SafePreview {
  const sizeBytes = value?.length ?? 0;
  const none = (note: string, schemaId?: number): SafePreview => ({
    sizeBytes,
    schemaId,
    schemaName: undefined,
    fields: [],
    note,
  });
  if (!value || value.length === 0) return none('Kein Inhalt.');
  let framed;
  try {
    framed = unframe(value);
  } catch {
    return none('Kein Avro im Confluent-Format: Inhalt wird nicht angezeigt.');
  }
  const text = writerSchema(framed.schemaId);
  if (!text) return none('Schema in der Registry unbekannt.', framed.schemaId);
  let type: avro.Type;
  let decoded: unknown;
  try {
    type = avro.Type.forSchema(JSON.parse(text) as avro.Schema, parseOptions());
    decoded = type.fromBuffer(framed.avroPayload);
  } catch {
    return none('Inhalt passt nicht zum Schema: nicht lesbar.', framed.schemaId);
  }
  const known = type.name !== undefined && set.definedIn.has(type.name);
  const personal = personalDataPaths(type, set);
  const hidden = (path: string) =>
    !known ||
    personal.some(
      (p) =>
        path === p ||
        path.startsWith(`${p}.`) ||
        path.startsWith(`${p}[`) ||
        path.startsWith(`${p}{`),
    );
  const fields = leaves(type, decoded, '').map(({ path, value: leaf }) => ({
    path,
    value: hidden(path) ? undefined : leaf,
  }));
  return {
    sizeBytes,
    schemaId: framed.schemaId,
    schemaName: type.name,
    fields,
    note: known ? undefined : 'Schema nicht im Katalog des Hubs: nur Feldnamen.',
  };
}

/** Walks value and type together; paths as personalDataPaths writes them (`a.b`, `list[]`, `map{}`). */
function leaves(type: avro.Type, value: unknown, path: string): { path: string; value: string }[] {
  if (type instanceof avro.types.RecordType) {
    const record = (value ?? {}) as Record<string, unknown>;
    return type.fields.flatMap((field) =>
      leaves(field.type, record[field.name], path ? `${path}.${field.name}` : field.name),
    );
  }
  if (type instanceof avro.types.ArrayType)
    return (value as unknown[]).flatMap((item) => leaves(type.itemsType, item, `${path}[]`));
  if (type instanceof avro.types.MapType)
    return Object.values(value as Record<string, unknown>).flatMap((item) =>
      leaves(type.valuesType as avro.Type, item, `${path}{}`),
    );
  if (type instanceof avro.types.UnwrappedUnionType) {
    const branch = type.types.find((candidate) => candidate.isValid(value));
    return branch ? leaves(branch, value, path) : [{ path, value: '?' }];
  }
  return [{ path, value: shown(value) }];
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `(${value.length} Bytes)`;
  const text =
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
      ? String(value)
      : JSON.stringify(value);
  return text.length > longestValue ? `${text.slice(0, longestValue)}…` : text;
}
