import { describe, expect, it } from 'vitest';
import { examples } from './examples.js';
import { schemaType } from './schemas.js';

describe.each(Object.entries(examples))('the example of %s', (name, value) => {
  it('is valid and survives the Avro binary round trip unchanged', () => {
    const type = schemaType(name);
    expect(type.isValid(value)).toBe(true);
    expect(type.fromBuffer(type.toBuffer(value))).toEqual(value);
  });
});
