import avro from 'avsc';
import { ContractError } from '../contract-error.js';

/*
 * Avro spec, "Decimal": a `bytes` value holding the two's-complement big-endian integer
 * `unscaled`, where value = unscaled × 10^-scale; `precision` bounds the number of digits.
 * In TypeScript a decimal is a string with exactly `scale` fraction digits ("12.50"): money must
 * never pass through a binary float.
 */
export class DecimalType extends avro.types.LogicalType {
  readonly precision: number;
  readonly scale: number;

  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    const { precision, scale = 0 } = schema as { precision?: unknown; scale?: unknown };
    if (!isWholeNumber(precision) || precision < 1 || !isWholeNumber(scale) || scale > precision)
      throw new ContractError(
        `decimal needs a whole precision ≥ 1 and 0 ≤ scale ≤ precision (got ${String(precision)}, ${String(scale)})`,
      );
    this.precision = precision;
    this.scale = scale;
  }

  protected override _fromValue(bytes: Buffer): string {
    return formatDecimal(fromTwosComplement(bytes), this.scale);
  }

  /** undefined marks the value invalid (avsc then reports it, with its field path). */
  protected override _toValue(value: unknown): Buffer | undefined {
    const unscaled = typeof value === 'string' ? parseDecimal(value, this.scale) : undefined;
    if (unscaled === undefined) return undefined;
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
    return digits > this.precision ? undefined : toTwosComplement(unscaled);
  }

  // Avro spec: two decimal schemas match for resolution only if scale and precision match. avsc
  // hands over what the writer type read, which for a decimal writer is already the string.
  protected override _resolve(writer: avro.Type): ((decimal: string) => string) | undefined {
    if (
      writer instanceof DecimalType &&
      writer.scale === this.scale &&
      writer.precision === this.precision
    )
      return (decimal) => decimal;
    return undefined;
  }

  protected override _export(schema: avro.Schema): void {
    Object.assign(schema, { precision: this.precision, scale: this.scale });
  }
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** "12.5" at scale 2 → 1250n; undefined when it is no decimal or has more digits than the scale. */
export function parseDecimal(text: string, scale: number): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > scale) return undefined;
  const unscaled = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -unscaled : unscaled;
}

export function formatDecimal(unscaled: bigint, scale: number): string {
  const sign = unscaled < 0n ? '-' : '';
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The shortest two's-complement big-endian bytes of `n` (what Java's BigInteger.toByteArray writes). */
export function toTwosComplement(n: bigint): Buffer {
  let length = 1;
  while (n < -(1n << BigInt(8 * length - 1)) || n >= 1n << BigInt(8 * length - 1)) length += 1;
  const unsigned = n < 0n ? n + (1n << BigInt(8 * length)) : n;
  return Buffer.from(unsigned.toString(16).padStart(2 * length, '0'), 'hex');
}

export function fromTwosComplement(bytes: Buffer): bigint {
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(`0x${bytes.toString('hex')}`);
  const negative = (bytes[0] ?? 0) >= 0x80;
  return negative ? unsigned - (1n << BigInt(8 * bytes.length)) : unsigned;
}
