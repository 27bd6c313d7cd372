import { describe, expect, it } from 'vitest';
import type { UndecodableRecordError } from './serde-errors.js';
import { frame, unframe } from './wire-format.js';

describe('Confluent wire format', () => {
  it('puts magic byte 0 and the big-endian schema id before the Avro payload', () => {
    const bytes = frame(0x01020304, Buffer.from([0xaa, 0xbb]));
    expect([...bytes]).toEqual([0, 1, 2, 3, 4, 0xaa, 0xbb]);
    expect(unframe(bytes)).toEqual({
      schemaId: 0x01020304,
      avroPayload: Buffer.from([0xaa, 0xbb]),
    });
  });

  it.each([
    ['an empty value', Buffer.alloc(0), 'SERDE_TRUNCATED'],
    ['a JSON value', Buffer.from('{"id":1}'), 'SERDE_UNKNOWN_MAGIC_BYTE'],
    ['a cut-off header', Buffer.from([0, 0, 1]), 'SERDE_TRUNCATED'],
  ])('rejects %s as undecodable', (_, bytes, code) => {
    expect(() => unframe(bytes)).toThrow(
      expect.objectContaining({ code, retryable: false }) as UndecodableRecordError,
    );
  });
});
