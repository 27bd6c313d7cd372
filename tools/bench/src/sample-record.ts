import avro from 'avsc';

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
