import avro from 'avsc';
import { DecimalType } from '@hub/contracts';

/*
 * Why a new schema (reader) cannot replace an old one (writer), one line per problem, each naming
 * the field path. The rules are Avro's "Schema Resolution" (a new consumer must read every old
 * record), plus two the hub adds because consumers upgrade later than producers:
 *   - a removed field must have had a default, or old consumers cannot read new records;
 *   - a removed enum symbol is refused even though the reader's default would absorb it, since
 *     data would silently change meaning.
 */
export function compatibilityViolations(writer: avro.Type, reader: avro.Type): string[] {
  const violations: string[] = [];
  compare(writer, reader, '', violations, new Set());
  return violations;
}

const promotions: Readonly<Record<string, readonly string[]>> = {
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  string: ['bytes'],
  bytes: ['string'],
};

function compare(
  writer: avro.Type,
  reader: avro.Type,
  path: string,
  violations: string[],
  visiting: Set<string>,
): void {
  const at = path || '(root)';
  if (
    writer instanceof avro.types.UnwrappedUnionType ||
    writer instanceof avro.types.WrappedUnionType
  ) {
    // Every branch the old schema could have written must still be readable.
    for (const branch of writer.types) compare(branch, reader, path, violations, visiting);
    return;
  }
  if (
    reader instanceof avro.types.UnwrappedUnionType ||
    reader instanceof avro.types.WrappedUnionType
  ) {
    const match =
      reader.types.find((branch) => sameKind(writer, branch)) ??
      reader.types.find((branch) => promotions[writer.typeName]?.includes(branch.typeName));
    if (match) compare(writer, match, path, violations, visiting);
    else violations.push(`${at}: type changed from ${label(writer)} to ${label(reader)}`);
    return;
  }
  if (!sameKind(writer, reader)) {
    const promoted = promotions[writer.typeName]?.includes(reader.typeName) ?? false;
    if (!promoted) violations.push(`${at}: type changed from ${label(writer)} to ${label(reader)}`);
    return;
  }
  if (writer instanceof avro.types.LogicalType && reader instanceof avro.types.LogicalType) {
    if (writer instanceof DecimalType && reader instanceof DecimalType) {
      if (writer.precision !== reader.precision || writer.scale !== reader.scale)
        violations.push(
          `${at}: decimal(${writer.precision},${writer.scale}) changed to decimal(${reader.precision},${reader.scale})`,
        );
    }
    return;
  }
  if (writer.name !== undefined && reader.name !== undefined && !readsName(reader, writer.name)) {
    violations.push(`${at}: ${writer.name} renamed to ${reader.name} without an alias`);
    return;
  }
  if (writer instanceof avro.types.RecordType && reader instanceof avro.types.RecordType) {
    const pair = `${writer.name ?? ''}>${reader.name ?? ''}`;
    if (visiting.has(pair)) return;
    compareRecords(writer, reader, path, violations, new Set(visiting).add(pair));
  } else if (writer instanceof avro.types.EnumType && reader instanceof avro.types.EnumType) {
    for (const symbol of writer.symbols)
      if (!reader.symbols.includes(symbol)) violations.push(`${at}: enum symbol ${symbol} removed`);
  } else if (writer instanceof avro.types.FixedType && reader instanceof avro.types.FixedType) {
    if (writer.size !== reader.size)
      violations.push(`${at}: fixed size changed from ${writer.size} to ${reader.size}`);
  } else if (writer instanceof avro.types.ArrayType && reader instanceof avro.types.ArrayType) {
    compare(writer.itemsType, reader.itemsType, `${path}[]`, violations, visiting);
  } else if (writer instanceof avro.types.MapType && reader instanceof avro.types.MapType) {
    compare(
      writer.valuesType as avro.Type,
      reader.valuesType as avro.Type,
      `${path}{}`,
      violations,
      visiting,
    );
  }
}

function compareRecords(
  writer: avro.types.RecordType,
  reader: avro.types.RecordType,
  path: string,
  violations: string[],
  visiting: Set<string>,
): void {
  const join = (name: string) => (path ? `${path}.${name}` : name);
  const matched = new Set<string>();
  for (const readerField of reader.fields) {
    const writerField = writer.fields.find(
      (field) => field.name === readerField.name || readerField.aliases.includes(field.name),
    );
    if (writerField) {
      matched.add(writerField.name);
      compare(writerField.type, readerField.type, join(readerField.name), violations, visiting);
    } else if (readerField.defaultValue() === undefined) {
      const renamed = writer.fields.find(
        (field) => !reader.fields.some((f) => f.name === field.name),
      );
      violations.push(
        renamed
          ? `${join(readerField.name)}: field added without default (renamed from ${renamed.name}? then add "aliases": ["${renamed.name}"])`
          : `${join(readerField.name)}: field added without default`,
      );
    }
  }
  for (const writerField of writer.fields) {
    if (!matched.has(writerField.name) && writerField.defaultValue() === undefined)
      violations.push(
        `${join(writerField.name)}: field removed without default (consumers on the old schema cannot read new records)`,
      );
  }
}

/** Same Avro kind (record, enum, string, logical:decimal, ...), ignoring names. */
function sameKind(writer: avro.Type, reader: avro.Type): boolean {
  return writer.typeName === reader.typeName;
}

function readsName(reader: avro.Type, writerName: string): boolean {
  return reader.name === writerName || (reader.aliases ?? []).includes(writerName);
}

function label(type: avro.Type): string {
  if (type instanceof avro.types.UnwrappedUnionType || type instanceof avro.types.WrappedUnionType)
    return `[${type.types.map(label).join(', ')}]`;
  return type.name ?? type.typeName;
}
