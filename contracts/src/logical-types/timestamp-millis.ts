import avro from 'avsc';

/** Avro spec, "Timestamp (millisecond precision)": a `long` of milliseconds since the Unix epoch, UTC; a `Date` in TypeScript. */
export class TimestampMillisType extends avro.types.LogicalType {
  protected override _fromValue(millis: number): Date {
    return new Date(millis);
  }

  protected override _toValue(value: unknown): number | undefined {
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : undefined;
  }

  // avsc hands over what the writer type read: a Date from a timestamp writer, a number from a long.
  protected override _resolve(writer: avro.Type): ((read: Date | number) => Date) | undefined {
    if (writer instanceof TimestampMillisType || writer.typeName === 'long')
      return (read) => (read instanceof Date ? read : this._fromValue(read));
    return undefined;
  }
}
