import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { XmlDocument } from 'libxml2-wasm';
import { Schema } from 'node-schematron';
import { parseXmlDocument } from 'slimdom';
import { elementPath } from '../xml/element-path.js';
import { expandSchematron, schematronText } from './expand-schematron.js';
import { NativePattern, schemaNamespaces } from './native-schematron.js';
import type { SchemaSet } from './schema-sets.js';
import type { ValidationReason } from './validation-result.js';

/** One Schematron file's rules for one message kind, split by the engine that runs them. */
interface CompiledRules {
  /** Patterns in XPath 1.0, run by libxml2 on the already parsed document. */
  readonly native: readonly NativePattern[];
  /** The rest (XPath 2.0: `if … then`, `matches`, …), run by node-schematron with fontoxpath. */
  readonly fontoxpath: Schema | undefined;
}

export type SchematronEngine = 'libxml2-first' | 'fontoxpath';

/** The Schematron schemas of every set, expanded and compiled once per message kind, then reused. */
export class SchematronRules {
  private readonly compiled = new Map<string, Promise<CompiledRules>>();

  constructor(
    private readonly contractsRoot: string,
    private readonly engine: SchematronEngine = 'libxml2-first',
  ) {}

  /** `rootName` is the message element's local name; only rules that can fire on it are run. */
  async validate(
    set: SchemaSet,
    xml: string,
    document: XmlDocument,
    rootName: string,
  ): Promise<ValidationReason[]> {
    const reasons: ValidationReason[] = [];
    // Parsed at most once for all the set's Schematron files, and only when one needs fontoxpath.
    let slimdomDocument: ReturnType<typeof parseXmlDocument> | undefined;
    for (const file of set.schematron) {
      const rules = await this.rulesFor(file, rootName);
      for (const pattern of rules.native)
        for (const failure of pattern.validate(document))
          reasons.push(reason(failure.assertId, failure.message, elementPath(failure.element)));
      if (!rules.fontoxpath) continue;
      slimdomDocument ??= parseXmlDocument(xml);
      for (const result of rules.fontoxpath.validateDocument(slimdomDocument))
        reasons.push(reason(result.assertId, result.message ?? '', pathOf(result.context)));
    }
    return reasons;
  }

  /** Compiles the rules of `set` for each of these message types now instead of on first use. */
  async prepare(set: SchemaSet, rootNames: readonly string[]): Promise<void> {
    for (const file of set.schematron)
      for (const rootName of rootNames) {
        const rules = await this.rulesFor(file, rootName);
        // A first run compiles the rule contexts' XPath (fontoxpath does so on first evaluation).
        rules.fontoxpath?.validateString(`<m:${rootName} xmlns:m="${set.namespace}"/>`);
      }
  }

  dispose(): void {
    for (const rules of this.compiled.values())
      void rules.then((compiled) => {
        for (const pattern of compiled.native) pattern.dispose();
      });
    this.compiled.clear();
  }

  private rulesFor(file: string, rootName: string): Promise<CompiledRules> {
    const key = `${file}#${rootName}`;
    let rules = this.compiled.get(key);
    if (!rules) {
      rules = this.compile(file, rootName);
      this.compiled.set(key, rules);
    }
    return rules;
  }

  private async compile(file: string, rootName: string): Promise<CompiledRules> {
    const text = readFileSync(join(this.contractsRoot, file), 'utf8');
    const schema = await expandSchematron(text, rootName);
    const namespaces = schemaNamespaces(schema);
    // Schema-level variables reach every pattern, which libxml2 is not given: all to fontoxpath.
    const anyNative =
      this.engine === 'libxml2-first' && schema['sch:schema']['sch:let'] === undefined;
    const native: NativePattern[] = [];
    const others = [];
    for (const pattern of schema['sch:schema']['sch:pattern'] ?? []) {
      const compiled = anyNative ? NativePattern.compile(pattern, namespaces) : undefined;
      if (compiled) native.push(compiled);
      else others.push(pattern);
    }
    const fontoxpath =
      others.length === 0 ? undefined : Schema.fromString(schematronText(schema, others));
    return { native, fontoxpath };
  }
}

function reason(assertId: string | null, message: string, location: string): ValidationReason {
  const text = message.replace(/\s+/g, ' ').trim();
  return {
    source: 'schematron',
    message: assertId === null ? text : `${assertId}: ${text}`,
    location,
  };
}

interface TreeNode {
  readonly nodeName: string;
  readonly parentNode: TreeNode | null;
}

/** `/root/child/grandchild` of the node an assert failed on, so the reason says where. */
function pathOf(node: TreeNode): string {
  const names: string[] = [];
  for (let at: TreeNode = node; at.parentNode !== null; at = at.parentNode) {
    names.unshift(at.nodeName);
  }
  return `/${names.join('/')}`;
}
