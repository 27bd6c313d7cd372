import avro from 'avsc';
import { schemaSet } from './schemas.js';
import type { SchemaSet } from './schema-set.js';

/**
 * The field paths of `type` whose values are personal data (`"personalData": true` in the
 * schema), e.g. `applicant.address.city` or `attachments[].fileName`: what a tool must mask,
 * and what must never reach a key, header, log line or metric label.
 */
export function personalDataPaths(type: avro.Type, set: SchemaSet = schemaSet): string[] {
  const paths: string[] = [];
  const visit = (current: avro.Type, path: string, enclosing: ReadonlySet<string>): void => {
    if (current instanceof avro.types.RecordType) {
      const name = current.name ?? '';
      // A recursive record would otherwise be walked for ever.
      if (enclosing.has(name)) return;
      const marked = set.personalFields.get(name);
      for (const field of current.fields) {
        const fieldPath = path ? `${path}.${field.name}` : field.name;
        if (marked?.has(field.name)) paths.push(fieldPath);
        else visit(field.type, fieldPath, new Set(enclosing).add(name));
      }
    } else if (current instanceof avro.types.ArrayType) {
      visit(current.itemsType, `${path}[]`, enclosing);
    } else if (current instanceof avro.types.MapType) {
      visit(current.valuesType as avro.Type, `${path}{}`, enclosing);
    } else if (
      current instanceof avro.types.UnwrappedUnionType ||
      current instanceof avro.types.WrappedUnionType
    ) {
      for (const branch of current.types) visit(branch, path, enclosing);
    }
  };
  visit(type, '', new Set());
  return paths;
}
