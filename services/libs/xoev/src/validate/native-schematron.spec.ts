import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlDocument } from 'libxml2-wasm';
import { Schema } from 'node-schematron';
import { parseXmlDocument } from 'slimdom';
import { afterAll, describe, expect, it } from 'vitest';
import { elementPath } from '../xml/element-path.js';
import { expandSchematron, schematronText } from './expand-schematron.js';
import { NativePattern, schemaNamespaces } from './native-schematron.js';
import { schemaSets, xoevContractsRoot } from './schema-sets.js';

const golden = readFileSync(
  new URL(import.meta.resolve('@hub/xoev/testdata/valid-0200.xbau-2.6.xml')),
  'utf8',
);
const xbau26 = schemaSets.find((set) => set.name === 'XBau 2.6');
const schematronFiles = xbau26?.schematron ?? [];
const message = 'baugenehmigung.antrag.0200';

/** Each file's expanded rules for the 0200, with its patterns compiled for libxml2. */
const compiled = await Promise.all(
  schematronFiles.map(async (file) => {
    const schema = await expandSchematron(
      readFileSync(join(xoevContractsRoot, file), 'utf8'),
      message,
    );
    const patterns = schema['sch:schema']['sch:pattern'] ?? [];
    const native = patterns.map((pattern) =>
      NativePattern.compile(pattern, schemaNamespaces(schema)),
    );
    return { schema, patterns, native };
  }),
);
afterAll(() => {
  for (const file of compiled) for (const pattern of file.native) pattern?.dispose();
});

/** `assertId@path` of every failure, as libxml2 finds them. */
function nativeFailures(xml: string): string[] {
  const document = XmlDocument.fromString(xml);
  try {
    return compiled
      .flatMap((file) => file.native)
      .flatMap((pattern) => pattern?.validate(document) ?? [])
      .map((failure) => `${failure.assertId}@${elementPath(failure.element)}`)
      .sort();
  } finally {
    document.dispose();
  }
}

/** `assertId@path` of every failure, as node-schematron (fontoxpath) finds them. */
function fontoxpathFailures(xml: string): string[] {
  const document = parseXmlDocument(xml);
  return compiled
    .flatMap(({ schema, patterns }) =>
      Schema.fromString(schematronText(schema, patterns)).validateDocument(document),
    )
    .map((result) => `${result.assertId}@${slimdomPath(result.context as unknown as TreeNode)}`)
    .sort();
}

interface TreeNode {
  readonly nodeName: string;
  readonly parentNode: TreeNode | null;
}

function slimdomPath(node: TreeNode): string {
  const names: string[] = [];
  for (let at: TreeNode = node; at.parentNode !== null; at = at.parentNode)
    names.unshift(at.nodeName);
  return `/${names.join('/')}`;
}

const firstVorname = /<vorname>[\s\S]*?<\/vorname>/;
const variants: Record<string, string> = {
  'the valid golden': golden,
  'a whitespace-only element': golden.replace(firstVorname, '<vorname> \n\t </vorname>'),
  'an empty element and a self-closed one': golden
    .replace(firstVorname, '<vorname></vorname>')
    .replace('<code>DVDV</code>', '<code/>'),
  "a reader's DVDV id with capitals": golden.replace('bab:05913000', 'BAB:05913000'),
  "an author's DVDV id with a letter in the number": golden.replace('bpt:05913000', 'bpt:0591a000'),
  'a DVDV id in Arabic-Indic digits (XPath \\d is any decimal digit)': golden.replace(
    'bab:05913000',
    'bab:٠٥٩١٣',
  ),
  'a malformed id outside the DVDV': golden
    .replace('<code>DVDV</code>', '<code>XYZ</code>')
    .replace('bab:05913000', 'not an id'),
};

describe('Schematron rules on libxml2 (XBau 2.6, 0200)', () => {
  it('takes both XBau 2.6 patterns of a 0200 away from fontoxpath', () => {
    expect(compiled.flatMap((file) => file.native).every(Boolean)).toBe(true);
    expect(compiled).toHaveLength(2);
  });

  it.each(Object.entries(variants))('finds what node-schematron finds: %s', (_name, xml) => {
    expect(nativeFailures(xml)).toEqual(fontoxpathFailures(xml));
  });

  it('does find the failures the variants were made to have', () => {
    expect(nativeFailures(variants["a reader's DVDV id with capitals"] ?? '')).toEqual([
      'sch-xbau-001@/xbau:baugenehmigung.antrag.0200/nachrichtenkopf.g2g',
    ]);
    expect(nativeFailures(variants['an empty element and a self-closed one'] ?? '')).toHaveLength(
      2,
    );
    expect(nativeFailures(variants['a whitespace-only element'] ?? '')).toEqual([
      expect.stringMatching(/^sch-xbau-gen-001@.*\/vorname$/),
    ]);
    expect(nativeFailures(golden)).toEqual([]);
  });

  it('leaves patterns it cannot evaluate the same way to fontoxpath', async () => {
    // The statistics rules compare with sequences (`code = ('1','2')`) and call exists().
    const statistics = await expandSchematron(
      readFileSync(join(xoevContractsRoot, schematronFiles[0] ?? ''), 'utf8'),
      'statistik.baugenehmigung.0421',
    );
    const [pattern] = statistics['sch:schema']['sch:pattern'] ?? [];
    expect(pattern).toBeDefined();
    expect(NativePattern.compile(pattern ?? {}, schemaNamespaces(statistics))).toBeUndefined();
  });
});
