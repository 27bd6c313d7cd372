import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Schema } from 'node-schematron';
import { parseXmlDocument } from 'slimdom';
import { expandSchematron } from './expand-schematron.js';
import type { SchemaSet } from './schema-sets.js';
import type { ValidationReason } from './validation-result.js';

/** The Schematron schemas of every set, expanded and compiled once per message kind, then reused. */
export class SchematronRules {
  private readonly compiled = new Map<string, Promise<Schema>>();

  constructor(private readonly contractsRoot: string) {}

  /** `rootName` is the message element's local name; only rules that can fire on it are run. */
  async validate(set: SchemaSet, xml: string, rootName: string): Promise<ValidationReason[]> {
    const reasons: ValidationReason[] = [];
    if (set.schematron.length === 0) return reasons;
    // Parsed once for all the set's Schematron files (XBau 2.6 has two): the parse costs as much
    // as running a file's rules.
    const document = parseXmlDocument(xml);
    for (const file of set.schematron) {
      const schema = await this.schemaFor(file, rootName);
      for (const result of schema.validateDocument(document)) {
        const text = (result.message ?? '').replace(/\s+/g, ' ').trim();
        reasons.push({
          source: 'schematron',
          message: result.assertId === null ? text : `${result.assertId}: ${text}`,
          location: pathOf(result.context),
        });
      }
    }
    return reasons;
  }

  /** Compiles the rules of `set` for each of these message types now instead of on first use. */
  async prepare(set: SchemaSet, rootNames: readonly string[]): Promise<void> {
    for (const file of set.schematron)
      for (const rootName of rootNames) {
        const schema = await this.schemaFor(file, rootName);
        // A first run compiles the rule contexts' XPath (fontoxpath does so on first evaluation).
        schema.validateString(`<m:${rootName} xmlns:m="${set.namespace}"/>`);
      }
  }

  private schemaFor(file: string, rootName: string): Promise<Schema> {
    const key = `${file}#${rootName}`;
    let schema = this.compiled.get(key);
    if (!schema) {
      const text = readFileSync(join(this.contractsRoot, file), 'utf8');
      schema = expandSchematron(text, rootName).then((expanded) => Schema.fromString(expanded));
      this.compiled.set(key, schema);
    }
    return schema;
  }
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
