import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { logicalTypes } from './index.js';

const withLogicalTypes = (schema: avro.Schema) =>
  avro.Type.forSchema(schema, { logicalTypes, assertLogicalTypes: true });
const money = { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } as const;

describe('decimal', () => {
  // Avro binary: bytes = zig-zag varint length, then the two's-complement big-endian unscaled value.
  it.each([
    ['12.50', [0x04, 0x04, 0xe2]], // 2 bytes (zig-zag 4), 1250 = 0x04e2
    ['0.00', [0x02, 0x00]],
    ['-1.00', [0x02, 0x9c]], // -100 fits one byte
    ['1.28', [0x04, 0x00, 0x80]], // 128 needs a leading zero byte to stay positive
    ['-1.28', [0x02, 0x80]],
  ])('writes %s as the bytes the Avro spec prescribes', (value, bytes) => {
    const type = withLogicalTypes(money);
    expect([...type.toBuffer(value)]).toEqual(bytes);
    expect(type.fromBuffer(Buffer.from(bytes))).toBe(value);
  });

  it('reads back with exactly the schema scale', () => {
    const type = withLogicalTypes(money);
    expect(type.fromBuffer(type.toBuffer('7.5'))).toBe('7.50');
  });

  it.each(['1.005', '12', 'abc', 12.5, '12345678901.00'])(
    'refuses %s at scale 2, precision 12',
    (value) => {
      // 12 is fine as a number of digits but not as a number: money travels as a string.
      const type = withLogicalTypes(money);
      expect(type.isValid(value)).toBe(value === '12');
    },
  );

  it('refuses a schema whose scale exceeds its precision', () => {
    expect(() => withLogicalTypes({ ...money, precision: 2, scale: 3 })).toThrow(/scale/);
  });

  it('reads a decimal only from a writer with the same precision and scale (Avro spec)', () => {
    const reader = withLogicalTypes(money);
    const otherScale = withLogicalTypes({ ...money, scale: 3 });
    expect(() => reader.createResolver(otherScale)).toThrow();
  });
});

describe('timestamp-millis, date and uuid', () => {
  it('map a Date to milliseconds since the epoch', () => {
    const type = withLogicalTypes({ type: 'long', logicalType: 'timestamp-millis' });
    const plain = avro.Type.forSchema('long');
    const bytes = type.toBuffer(new Date('2025-03-01T10:00:00.000Z'));
    expect(plain.fromBuffer(bytes)).toBe(Date.UTC(2025, 2, 1, 10));
    expect(type.fromBuffer(bytes)).toEqual(new Date('2025-03-01T10:00:00.000Z'));
  });

  it('map an ISO date to days since 1970-01-01 and refuse dates that do not exist', () => {
    const type = withLogicalTypes({ type: 'int', logicalType: 'date' });
    expect(avro.Type.forSchema('int').fromBuffer(type.toBuffer('1970-01-11'))).toBe(10);
    expect(type.fromBuffer(type.toBuffer('1980-04-30'))).toBe('1980-04-30');
    expect(type.isValid('2023-02-29')).toBe(false);
  });

  it('accept only RFC 4122 strings as uuid', () => {
    const type = withLogicalTypes({ type: 'string', logicalType: 'uuid' });
    expect(type.isValid('6f1c2a34-0b5e-4c8e-9d2a-1f2e3d4c5b6a')).toBe(true);
    expect(type.isValid('app-42')).toBe(false);
  });
});

describe('resolution between writer and reader of the same logical types', () => {
  it.each([
    [{ type: 'long', logicalType: 'timestamp-millis' }, new Date('2025-01-01T00:00:00Z')],
    [{ type: 'int', logicalType: 'date' }, '2025-01-01'],
    [{ type: 'string', logicalType: 'uuid' }, '6f1c2a34-0b5e-4c8e-9d2a-1f2e3d4c5b6a'],
    [{ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 1 }, '-12.5'],
  ] as const)('reads %j through a resolver unchanged', (schema, value) => {
    const writer = withLogicalTypes(schema);
    const reader = withLogicalTypes(schema);
    expect(reader.fromBuffer(writer.toBuffer(value), reader.createResolver(writer))).toEqual(value);
  });
});
