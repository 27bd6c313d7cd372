import { Builder, parseStringPromise } from 'xml2js';

interface SchRule {
  $?: { id?: string; abstract?: string; context?: string };
  'sch:assert'?: unknown[];
  'sch:extends'?: { $: { rule: string } }[];
}

interface SchSchema {
  'sch:schema': { 'sch:pattern'?: { 'sch:rule'?: SchRule[] }[] };
}

/**
 * Rewrites a Schematron schema without abstract rules: every `sch:extends` is replaced by the
 * asserts of the abstract rule it names, and the abstract rules are dropped. node-schematron
 * does not implement `sch:extends`, and XBau expresses nearly all its rules through it.
 */
export async function expandSchematron(schematron: string): Promise<string> {
  const schema = (await parseStringPromise(schematron)) as SchSchema;
  const patterns = schema['sch:schema']['sch:pattern'] ?? [];
  const abstractRules = new Map<string, SchRule>();
  for (const rule of patterns.flatMap((pattern) => pattern['sch:rule'] ?? [])) {
    if (rule.$?.abstract === 'true' && rule.$.id) abstractRules.set(rule.$.id, rule);
  }
  for (const pattern of patterns) {
    pattern['sch:rule'] = (pattern['sch:rule'] ?? [])
      .filter((rule) => rule.$?.abstract !== 'true')
      .map((rule) => inlineExtends(rule, abstractRules));
  }
  return new Builder().buildObject(schema);
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
