import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { parseOptions, readSchemaSources, schemaType } from '@hub/contracts';
import { registeredSchema } from './registered-schema.js';

interface EnumDefinition {
  readonly name: string;
  readonly default?: string;
  readonly doc?: string;
}

/** Every enum defined anywhere in a schema JSON, by name (references by name are skipped). */
function enumsIn(schema: unknown, found = new Map<string, EnumDefinition>()) {
  if (Array.isArray(schema)) for (const branch of schema) enumsIn(branch, found);
  else if (typeof schema === 'object' && schema !== null) {
    const node = schema as Record<string, unknown>;
    if (node.type === 'enum')
      found.set(String(node.name).split('.').at(-1) ?? '', node as unknown as EnumDefinition);
    for (const value of Object.values(node)) enumsIn(value, found);
  }
  return found;
}

describe('registeredSchema', () => {
  const sources = readSchemaSources();

  it.each(sources.map((source) => [source.name, source.text]))(
    'keeps the default and doc of every enum of %s',
    (name, text) => {
      const registered = enumsIn(JSON.parse(registeredSchema(schemaType(name))));
      for (const [enumName, definition] of enumsIn(JSON.parse(text))) {
        expect(registered.get(enumName)?.default, enumName).toBe(definition.default);
        expect(registered.get(enumName)?.doc, enumName).toBe(definition.doc);
      }
    },
  );

  it('lets a reader that takes its schema from the registry read an unknown symbol as the default', () => {
    const reader = avro.Type.forSchema(
      JSON.parse(registeredSchema(schemaType('common/xoev-standard'))) as avro.Schema,
      parseOptions(),
    );
    const newerWriter = avro.Type.forSchema({
      type: 'enum',
      name: 'de.hub.common.XoevStandard',
      symbols: ['XBAU', 'XWASSER', 'XPERSONENSTAND', 'OTHER', 'XFUTURE'],
    });
    const resolver = reader.createResolver(newerWriter);
    expect(reader.fromBuffer(newerWriter.toBuffer('XFUTURE'), resolver)).toBe('OTHER');
  });
});
