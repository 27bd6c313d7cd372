import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { opsPerSecond } from './measure.js';
import { sampleType, sampleValue } from './sample-record.js';

/** Avro encode/decode through the serde with the registry answers cached (the steady state). */
export async function serdeBenchmark(registryUrl: string): Promise<Record<string, string>> {
  const serde = new AvroSerde(new SchemaRegistryClient(registryUrl));
  const subject = `bench.serde.${Date.now()}-value`;
  const encoded = await serde.encode(subject, sampleType, sampleValue(0));
  await serde.decode(encoded, sampleType);

  const iterations = 50_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await serde.encode(subject, sampleType, sampleValue(i));
  const encodePerSecond = iterations / (Number(process.hrtime.bigint() - start) / 1e9);
  const decodeStart = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await serde.decode(encoded, sampleType);
  const decodePerSecond = iterations / (Number(process.hrtime.bigint() - decodeStart) / 1e9);
  const rawEncode = opsPerSecond(iterations, (i) => sampleType.toBuffer(sampleValue(i)));

  return {
    'serde encode (validate + register cached + frame)': `${Math.round(encodePerSecond).toLocaleString('en')} records/s`,
    'serde decode (unframe + resolve)': `${Math.round(decodePerSecond).toLocaleString('en')} records/s`,
    'plain avsc toBuffer (reference)': `${Math.round(rawEncode).toLocaleString('en')} records/s`,
    'record size': `${encoded.length} bytes`,
  };
}
