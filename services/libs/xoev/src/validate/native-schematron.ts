import { XmlElement, XmlXPath, type NamespaceMap, type XmlDocument } from 'libxml2-wasm';
import type { SchPattern, SchRule, SchSchema } from './expand-schematron.js';
import { compileAssertTest, topLevelSplit, type NativeAssertTest } from './native-assert-test.js';
import { isXPath1 } from './xpath1-expression.js';

export interface SchematronFailure {
  readonly assertId: string | null;
  readonly message: string;
  readonly element: XmlElement;
}

interface NativeAssert {
  readonly id: string | null;
  readonly test: NativeAssertTest;
  readonly message: string;
}

interface NativeRule {
  readonly context: XmlXPath;
  readonly asserts: readonly NativeAssert[];
}

/**
 * A Schematron pattern evaluated by libxml2's XPath 1.0 engine on the document the XSD step has
 * already parsed: about 40 times faster than fontoxpath on XBau's "no empty element" rule, which
 * is checked on every element (issue 17). Only patterns whose contexts are XPath 1.0 and whose
 * asserts {@link compileAssertTest} can take, with plain-text messages and no variables, run here;
 * the others stay with node-schematron. Like node-schematron, each node is checked by the first rule
 * of the pattern whose context holds it.
 */
export class NativePattern {
  private constructor(private readonly rules: readonly NativeRule[]) {}

  /** The pattern compiled for libxml2, or undefined when part of it needs fontoxpath. */
  static compile(pattern: SchPattern, namespaces: NamespaceMap): NativePattern | undefined {
    if (Object.keys(pattern).some((key) => key !== '$' && key !== 'sch:rule')) return undefined;
    const rules: NativeRule[] = [];
    const compiled = (pattern['sch:rule'] ?? []).every((rule) => {
      const nativeRule = compileRule(rule, namespaces);
      if (nativeRule) rules.push(nativeRule);
      return nativeRule !== undefined;
    });
    if (compiled) return new NativePattern(rules);
    disposeRules(rules);
    return undefined;
  }

  validate(document: XmlDocument): SchematronFailure[] {
    const failures: SchematronFailure[] = [];
    const earlierContexts: XmlElement[][] = [];
    for (const rule of this.rules) {
      const nodes = document.find(rule.context).filter((node) => node instanceof XmlElement);
      for (const element of nodes) {
        if (earlierContexts.some((earlier) => earlier.some((node) => node.isSameNode(element))))
          continue;
        for (const assert of rule.asserts)
          if (!assert.test.holds(element))
            failures.push({ assertId: assert.id, message: assert.message, element });
      }
      earlierContexts.push(nodes);
    }
    return failures;
  }

  dispose(): void {
    disposeRules(this.rules);
  }
}

/** The namespaces a schema declares with `sch:ns`, for compiling its expressions. */
export function schemaNamespaces(schema: SchSchema): NamespaceMap {
  const namespaces: NamespaceMap = {};
  for (const ns of schema['sch:schema']['sch:ns'] ?? []) namespaces[ns.$.prefix] = ns.$.uri;
  return namespaces;
}

/** A rule with an XPath 1.0 context and asserts libxml2 can evaluate, or undefined. */
function compileRule(rule: SchRule, namespaces: NamespaceMap): NativeRule | undefined {
  if (Object.keys(rule).some((key) => key !== '$' && key !== 'sch:assert')) return undefined;
  const context = rule.$?.context;
  if (context === undefined || !isXPath1(context)) return undefined;
  let contextPath: XmlXPath;
  try {
    contextPath = XmlXPath.compile(everywhere(context), namespaces);
  } catch {
    return undefined;
  }
  const asserts: NativeAssert[] = [];
  for (const assert of rule['sch:assert'] ?? []) {
    // Only plain-text messages: `sch:value-of` and `sch:name` stay with node-schematron.
    const plain =
      typeof assert !== 'string' && Object.keys(assert).every((key) => key === '$' || key === '_');
    const test = plain ? compileAssertTest(assert.$.test, namespaces) : undefined;
    if (typeof assert === 'string' || !test) {
      disposeRules([{ context: contextPath, asserts }]);
      return undefined;
    }
    asserts.push({ id: assert.$.id ?? null, test, message: assert._ ?? '' });
  }
  return { context: contextPath, asserts };
}

/**
 * The nodes a rule context (an XSLT pattern) matches, as node-schematron finds them with
 * `//(context)`: each branch of a union searched from the root unless it is absolute.
 */
function everywhere(context: string): string {
  return topLevelSplit(context, '|')
    .map((branch) => branch.trim())
    .map((branch) => (branch.startsWith('/') ? branch : `//${branch}`))
    .join(' | ');
}

function disposeRules(rules: readonly NativeRule[]): void {
  for (const rule of rules) {
    rule.context.dispose();
    for (const assert of rule.asserts) assert.test.dispose();
  }
}
