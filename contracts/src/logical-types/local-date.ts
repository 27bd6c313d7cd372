import avro from 'avsc';

const millisPerDay = 86_400_000;

/** Avro spec, "Date": an `int` of days since 1970-01-01; an ISO calendar date ("1980-04-30") in TypeScript. */
export class LocalDateType extends avro.types.LogicalType {
  protected override _fromValue(days: number): string {
    return new Date(days * millisPerDay).toISOString().slice(0, 10);
  }

  protected override _toValue(value: unknown): number | undefined {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
    const millis = Date.parse(`${value}T00:00:00Z`);
    // Date.parse rolls 2024-02-30 over into March; a real date survives the round trip.
    if (Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 10) !== value)
      return undefined;
    return millis / millisPerDay;
  }

  // avsc hands over what the writer type read: the ISO string from a date writer, a number from an int.
  protected override _resolve(writer: avro.Type): ((read: string | number) => string) | undefined {
    if (writer instanceof LocalDateType || writer.typeName === 'int')
      return (read) => (typeof read === 'string' ? read : this._fromValue(read));
    return undefined;
  }
}
