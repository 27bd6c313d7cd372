import avro from 'avsc';

/** Stand-in for the contract until @hub/contracts publishes the real schema. */
export interface ApplicationSubmitted {
  applicationId: string;
  serviceKey: string;
}

export const applicationSubmittedType = avro.Type.forSchema({
  type: 'record',
  name: 'ApplicationSubmitted',
  namespace: 'de.hub.example',
  fields: [
    { name: 'applicationId', type: 'string' },
    { name: 'serviceKey', type: 'string' },
  ],
});
