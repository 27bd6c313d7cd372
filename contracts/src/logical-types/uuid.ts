import avro from 'avsc';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Avro spec, "UUID": a `string` in RFC 4122 form; checked on encode so a malformed id never leaves. */
export class UuidType extends avro.types.LogicalType {
  protected override _fromValue(text: string): string {
    return text;
  }

  protected override _toValue(value: unknown): string | undefined {
    return typeof value === 'string' && uuidPattern.test(value) ? value : undefined;
  }

  protected override _resolve(writer: avro.Type): ((text: string) => string) | undefined {
    if (writer instanceof UuidType || writer.typeName === 'string') return (text) => text;
    return undefined;
  }
}
