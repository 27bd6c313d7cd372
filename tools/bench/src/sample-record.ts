import avro from 'avsc';
import type { AvroSerde } from '@hub/avro-serde';

/** A record shaped like an application event: ids, keys, a nested block and a few form fields. */
export const sampleType = avro.Type.forSchema({
  type: 'record',
  name: 'BenchApplication',
  namespace: 'de.hub.bench',
  fields: [
    { name: 'applicationId', type: 'string' },
    { name: 'serviceKey', type: 'string' },
    { name: 'municipalityKey', type: 'string' },
    { name: 'submittedAt', type: 'long' },
    {
      name: 'site',
      type: {
        type: 'record',
        name: 'Site',
        fields: [
          { name: 'street', type: 'string' },
          { name: 'zip', type: 'string' },
          { name: 'city', type: 'string' },
        ],
      },
    },
    { name: 'formFields', type: { type: 'map', values: 'string' } },
  ],
});

export function sampleValue(i: number) {
  return {
    applicationId: `0b9f8c1e-6a57-4a63-9d0e-${String(i).padStart(12, '0')}`,
    serviceKey: '99010003001000',
    municipalityKey: '05913000',
    submittedAt: 1_795_000_000_000 + i,
    site: { street: 'Friedensplatz 1', zip: '44135', city: 'Dortmund' },
    formFields: { vorhaben: 'Errichtung eines Carports', geschosse: '1', flaeche: '24.5' },
  };
}

/**
 * Records `first` … `first + count - 1` of the sample, Avro-encoded for `topic` and keyed by their
 * application id, each with the headers `headersOf` gives it at encoding time.
 */
export function encodedSampleRecords(
  serde: Pick<AvroSerde, 'encode'>,
  topic: string,
  first: number,
  count: number,
  headersOf: () => Record<string, string>,
): Promise<{ key: string; value: Buffer; headers: Record<string, string> }[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const value = sampleValue(first + i);
      return {
        key: value.applicationId,
        value: await serde.encode(`${topic}-value`, sampleType, value),
        headers: headersOf(),
      };
    }),
  );
}
