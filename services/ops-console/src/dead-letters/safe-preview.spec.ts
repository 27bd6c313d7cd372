import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { frame, registeredSchema } from '@hub/avro-serde';
import { examples, schemaType } from '@hub/contracts';
import { safePreview } from './safe-preview.js';

const submittedType = schemaType('portal/application-submitted');
const submitted = examples['portal/application-submitted'];
const schemaId = 42;
const registry = (id: number) => (id === schemaId ? registeredSchema(submittedType) : undefined);

describe('safePreview', () => {
  it('given a submitted application, shows field names and non-personal values, never the applicant', () => {
    const preview = safePreview(frame(schemaId, submittedType.toBuffer(submitted)), registry);

    const shown = JSON.stringify(preview.fields);
    for (const personal of [
      'Erika',
      'Mustermann',
      'Musterstraße',
      'erika@example.org',
      '1980-04-30',
    ])
      expect(shown).not.toContain(personal);
    expect(preview.fields).toContainEqual({
      path: 'applicationId',
      value: submitted.applicationId,
    });
    expect(preview.fields).toContainEqual({ path: 'applicant.address.street', value: undefined });
    expect(preview).toMatchObject({ schemaId, schemaName: 'de.hub.portal.ApplicationSubmitted' });
  });

  it('given a schema the catalogue does not know, shows field names only', () => {
    const foreign = avro.Type.forSchema({
      type: 'record',
      name: 'Foreign',
      namespace: 'de.elsewhere',
      fields: [{ name: 'fullName', type: 'string' }],
    });
    const preview = safePreview(frame(7, foreign.toBuffer({ fullName: 'Max Muster' })), () =>
      JSON.stringify(foreign.schema()),
    );
    expect(preview.fields).toEqual([{ path: 'fullName', value: undefined }]);
  });

  it('given bytes that are not Avro, shows only their size', () => {
    const preview = safePreview(Buffer.from('{"name":"Max"}'), registry);
    expect(preview).toMatchObject({ sizeBytes: 14, fields: [], schemaId: undefined });
    expect(preview.note).toMatch(/Kein Avro/);
  });

  it('given a schema id the registry does not know, says so', () => {
    expect(safePreview(frame(9, Buffer.from([1])), registry).note).toMatch(/unbekannt/);
  });
});
