import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '@hub/contracts';
import { compatibilityViolations } from './compatibility.js';

const record = (fields: object[], extra: object = {}) =>
  avro.Type.forSchema(
    { type: 'record', name: 'de.hub.test.Event', fields, ...extra } as avro.Schema,
    parseOptions(),
  );
const id = { name: 'id', type: 'string' };
const status = (symbols: string[]) => ({
  name: 'status',
  type: { type: 'enum', name: 'Status', symbols, default: symbols[0] },
});
const money = (scale: number) => ({
  name: 'amount',
  type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale },
});

describe('compatibilityViolations(old writer, new reader)', () => {
  it.each([
    [
      'adding a field with a default',
      [id],
      [id, { name: 'note', type: ['null', 'string'], default: null }],
    ],
    ['removing a field that had a default', [id, { name: 'n', type: 'int', default: 0 }], [id]],
    ['adding an enum symbol', [status(['A', 'B'])], [status(['A', 'B', 'C'])]],
    ['promoting int to long', [{ name: 'n', type: 'int' }], [{ name: 'n', type: 'long' }]],
    [
      'making a field optional',
      [{ name: 'n', type: 'int' }],
      [{ name: 'n', type: ['null', 'int'], default: null }],
    ],
    [
      'renaming a field with an alias',
      [{ name: 'zip', type: 'string' }],
      [{ name: 'postalCode', type: 'string', aliases: ['zip'] }],
    ],
  ])('accepts %s', (_, before, after) => {
    expect(compatibilityViolations(record(before), record(after))).toEqual([]);
  });

  it.each([
    [
      'a field added without default',
      [id],
      [id, { name: 'note', type: 'string' }],
      'note: field added without default',
    ],
    [
      'a field removed without default',
      [id, { name: 'n', type: 'int' }],
      [id],
      'n: field removed without default',
    ],
    [
      'a type change',
      [{ name: 'n', type: 'long' }],
      [{ name: 'n', type: 'string' }],
      'n: type changed from long to string',
    ],
    [
      'an enum symbol removed',
      [status(['A', 'B'])],
      [status(['A'])],
      'status: enum symbol B removed',
    ],
    [
      'a rename without alias',
      [{ name: 'zip', type: 'string' }],
      [{ name: 'postalCode', type: 'string' }],
      'postalCode: field added without default (renamed from zip?',
    ],
    [
      'a decimal with another scale',
      [money(2)],
      [money(3)],
      'amount: decimal(12,2) changed to decimal(12,3)',
    ],
    [
      'a union branch dropped',
      [{ name: 'n', type: ['null', 'string', 'int'], default: null }],
      [{ name: 'n', type: ['null', 'string'], default: null }],
      'n: type changed from int to [null, string]',
    ],
  ])('refuses %s, naming the field', (_, before, after, reason) => {
    expect(compatibilityViolations(record(before), record(after)).join('\n')).toContain(reason);
  });

  it('names nested paths and renamed records', () => {
    const nested = (fields: object[], name = 'Address') =>
      record([
        {
          name: 'applicant',
          type: {
            type: 'record',
            name: 'Applicant',
            fields: [{ name: 'address', type: { type: 'record', name, fields } }],
          },
        },
      ]);
    expect(
      compatibilityViolations(nested([id]), nested([id, { name: 'zip', type: 'string' }])),
    ).toEqual(['applicant.address.zip: field added without default']);
    expect(compatibilityViolations(nested([id]), nested([id], 'PostalAddress'))).toEqual([
      'applicant.address: de.hub.test.Address renamed to de.hub.test.PostalAddress without an alias',
    ]);
  });
});
