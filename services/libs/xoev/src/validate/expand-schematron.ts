import { Builder, parseStringPromise } from 'xml2js';

export interface SchAssert {
  $: { id?: string; test: string };
  /** The message, when it is plain text (xml2js gives a string). */
  _?: string;
}

export interface SchRule {
  $?: { id?: string; abstract?: string; context?: string };
  'sch:assert'?: (SchAssert | string)[];
  'sch:extends'?: { $: { rule: string } }[];
  [other: string]: unknown;
}

export interface SchPattern {
  'sch:rule'?: SchRule[];
  [other: string]: unknown;
}

export interface SchSchema {
  'sch:schema': {
    'sch:ns'?: { $: { prefix: string; uri: string } }[];
    'sch:pattern'?: SchPattern[];
    [other: string]: unknown;
  };
}

// A rule context whose first step names a message element, e.g. `xbau:anzeige.beseitigungAbsicht.0950`.
const messageContext = /^[\w-]+:([\w.-]+\.\d{4})\b/;

/**
 * Rewrites a Schematron schema for one kind of message:
 * - every `sch:extends` is replaced by the asserts of the abstract rule it names and the abstract
 *   rules are dropped (node-schematron does not implement `sch:extends`; XBau uses it throughout);
 * - rules whose context starts at another message element than `rootName` are dropped, as they
 *   cannot fire (XBau has ~150 such rules; evaluating them all costs ~0.5 s per message);
 * - a leading `//` is taken off contexts, because node-schematron evaluates `//(context)` and
 *   `//(//*)` is quadratic in the document size.
 */
export async function expandSchematron(schematron: string, rootName: string): Promise<SchSchema> {
  const schema = (await parseStringPromise(schematron)) as SchSchema;
  const patterns = schema['sch:schema']['sch:pattern'] ?? [];
  const abstractRules = new Map<string, SchRule>();
  for (const rule of patterns.flatMap((pattern) => pattern['sch:rule'] ?? [])) {
    if (rule.$?.abstract === 'true' && rule.$.id) abstractRules.set(rule.$.id, rule);
  }
  for (const pattern of patterns) {
    pattern['sch:rule'] = (pattern['sch:rule'] ?? [])
      .filter((rule) => rule.$?.abstract !== 'true' && canFire(rule, rootName))
      .map((rule) => withoutLeadingDescendant(inlineExtends(rule, abstractRules)));
  }
  schema['sch:schema']['sch:pattern'] = patterns.filter(
    (pattern) => (pattern['sch:rule'] ?? []).length > 0,
  );
  return schema;
}

/** The schema as Schematron text again, with only `patterns` (for node-schematron). */
export function schematronText(schema: SchSchema, patterns: readonly SchPattern[]): string {
  return new Builder().buildObject({
    'sch:schema': { ...schema['sch:schema'], 'sch:pattern': patterns },
  });
}

function canFire(rule: SchRule, rootName: string): boolean {
  const message = messageContext.exec(rule.$?.context ?? '')?.[1];
  return message === undefined || message === rootName;
}

function withoutLeadingDescendant(rule: SchRule): SchRule {
  const context = rule.$?.context;
  if (!context?.startsWith('//')) return rule;
  return { ...rule, $: { ...rule.$, context: context.slice(2) } };
}

function inlineExtends(rule: SchRule, abstractRules: ReadonlyMap<string, SchRule>): SchRule {
  const inherited = (rule['sch:extends'] ?? []).flatMap(
    (extension) => abstractRules.get(extension.$.rule)?.['sch:assert'] ?? [],
  );
  const expanded: SchRule = {
    ...rule,
    'sch:assert': [...(rule['sch:assert'] ?? []), ...inherited],
  };
  delete expanded['sch:extends'];
  return expanded;
}
