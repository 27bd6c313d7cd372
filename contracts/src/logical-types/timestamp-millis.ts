import avro from 'avsc';

/** Avro spec, "Timestamp (millisecond precision)": a `long` of milliseconds since the Unix epoch, UTC; a `Date` in TypeScript. */
export class TimestampMillisType extends avro.types.LogicalType {
  protected override _fromValue(millis: number): Date {
    return new Date(millis);
  }

  protected override _toValue(value: unknown): number | undefined {
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
  }

  protected override _resolve(writer: avro.Type): ((millis: number) => Date) | undefined {
    if (writer instanceof TimestampMillisType || writer.typeName === 'long')
      return (millis) => this._fromValue(millis);
    return undefined;
  }
}
