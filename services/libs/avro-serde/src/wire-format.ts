import { UndecodableRecordError } from './serde-errors.js';

/*
 * Confluent wire format (https://docs.confluent.io/platform/current/schema-registry/fundamentals/serdes-develop/index.html#wire-format):
 *   byte 0      magic byte, always 0
 *   bytes 1-4   schema id, 4-byte big-endian (as assigned by the registry)
 *   bytes 5-    the Avro binary encoding of the value (Avro spec, "Binary Encoding")
 */
const magicByte = 0;
const headerLength = 5;

export function frame(schemaId: number, avroPayload: Buffer): Buffer {
  const header = Buffer.alloc(headerLength);
  header.writeUInt8(magicByte, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, avroPayload]);
}

export function unframe(bytes: Buffer): { schemaId: number; avroPayload: Buffer } {
  if (bytes.length === 0)
    throw new UndecodableRecordError(
      'SERDE_TRUNCATED',
      'Record value is empty; expected the Confluent wire format (magic byte 0 + 4-byte schema id + Avro).',
    );
  if (bytes.readUInt8(0) !== magicByte) {
    throw new UndecodableRecordError(
      'SERDE_UNKNOWN_MAGIC_BYTE',
      `Unknown magic byte ${bytes.readUInt8(0)}; expected 0 (Confluent wire format).`,
    );
  }
  if (bytes.length < headerLength) {
    throw new UndecodableRecordError(
      'SERDE_TRUNCATED',
      `Record value has ${bytes.length} bytes; the wire-format header alone needs ${headerLength}.`,
    );
  }
  return { schemaId: bytes.readUInt32BE(1), avroPayload: bytes.subarray(headerLength) };
}
