import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { assertValid } from './avro-serde.js';
import { InvalidValueError } from './serde-errors.js';

const application = avro.Type.forSchema({
  type: 'record',
  name: 'Application',
  fields: [
    { name: 'id', type: 'string' },
    {
      name: 'applicant',
      type: {
        type: 'record',
        name: 'Applicant',
        fields: [
          {
            name: 'address',
            type: { type: 'record', name: 'Address', fields: [{ name: 'zip', type: 'string' }] },
          },
        ],
      },
    },
  ],
});

describe('assertValid', () => {
  it('accepts a matching value', () => {
    expect(() => {
      assertValid(application, { id: 'a', applicant: { address: { zip: '44135' } } });
    }).not.toThrow();
  });

  it('names the path of the first field that does not match', () => {
    let thrown: unknown;
    try {
      assertValid(application, { id: 'a', applicant: { address: { zip: 44135 } } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidValueError);
    expect(thrown).toMatchObject({ path: 'applicant.address.zip', code: 'SERDE_INVALID_VALUE' });
    expect((thrown as Error).message).toContain('expected string, got 44135');
  });

  it('reports a missing field as missing', () => {
    expect(() => {
      assertValid(application, { applicant: { address: { zip: '1' } } });
    }).toThrow(/at id: expected string, missing/);
  });
});
