import { describe, expect, it } from 'vitest';
import { readSchemaSources } from './schemas.js';

interface SchemaNode {
  readonly type?: unknown;
  readonly name?: string;
  readonly doc?: string;
  readonly fields?: readonly (SchemaNode & { readonly type: unknown })[];
  readonly items?: unknown;
  readonly values?: unknown;
  readonly symbols?: readonly string[];
  readonly default?: unknown;
}

/** Every record field and every enum in a schema's JSON, wherever it is nested. */
function walk(node: unknown, visit: (node: SchemaNode, where: string) => void, where = ''): void {
  if (Array.isArray(node)) {
    for (const branch of node) walk(branch, visit, where);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as SchemaNode;
  visit(schema, where);
  for (const field of schema.fields ?? []) {
    visit({ ...field, type: 'field' }, `${where}.${field.name ?? ''}`);
    walk(field.type, visit, `${where}.${field.name ?? ''}`);
  }
  walk(schema.type, visit, where);
  walk(schema.items, visit, `${where}[]`);
  walk(schema.values, visit, `${where}{}`);
}

describe.each(readSchemaSources().map((source) => [source.name, source.text]))(
  'the contract %s',
  (_, text) => {
    const schema = JSON.parse(text) as SchemaNode;

    it('documents every field', () => {
      const undocumented: string[] = [];
      walk(schema, (node, where) => {
        if (node.type === 'field' && !node.doc) undocumented.push(where);
      });
      expect(undocumented).toEqual([]);
    });

    it('gives every enum a default symbol, so it can grow', () => {
      const closed: string[] = [];
      walk(schema, (node) => {
        if (node.type === 'enum' && !node.symbols?.includes(node.default as string))
          closed.push(node.name ?? '?');
      });
      expect(closed).toEqual([]);
    });

    it('names its top-level type in a hub namespace', () => {
      expect(JSON.stringify(schema)).toMatch(/"namespace":"de\.hub\.[a-z][a-z0-9]*"/);
    });
  },
);
