/** The XPath 1.0 core function library (XPath 1.0, section 4): all libxml2 evaluates. */
const xpath1Functions = new Set([
  'last',
  'position',
  'count',
  'id',
  'local-name',
  'namespace-uri',
  'name',
  'string',
  'concat',
  'starts-with',
  'contains',
  'substring-before',
  'substring-after',
  'substring',
  'string-length',
  'normalize-space',
  'translate',
  'boolean',
  'not',
  'true',
  'false',
  'lang',
  'number',
  'sum',
  'floor',
  'ceiling',
  'round',
]);

/** Operators written as words, which may stand before a parenthesis. */
const operators = new Set(['and', 'or', 'div', 'mod']);

/** Node tests, which look like calls but are not functions. */
const nodeTests = new Set(['node', 'text', 'comment', 'processing-instruction']);

/** Words that make an expression XPath 2.0 (or later) wherever they stand outside a literal. */
const xpath2Keywords =
  /\b(?:if|then|else|some|every|for|return|satisfies|instance|cast|castable|treat|except|intersect|idiv|eq|ne|lt|le|gt|ge|is|to)\b/;

/** XPath 2.0 syntax without a keyword: comments, node order comparisons, variables. */
const xpath2Syntax = /\(:|<<|>>|\$/;

/** A function call as a path step (`a/string()`): XPath 2.0 unless it is a node test. */
const functionStep = /\/\s*([\w.-]+(?::[\w.-]+)?)\s*\(/g;

const functionCall = /([\w.-]+(?::[\w.-]+)?)\s*\(/g;

/**
 * True when `expression` is written in the XPath 1.0 subset that XPath 2.0 reads the same way, so
 * libxml2's XPath 1.0 engine may evaluate a Schematron rule written for `queryBinding="xslt2"`.
 * Conservative: anything it cannot tell (an XPath 2.0 keyword even where it could be an element
 * name, a function outside the core library, a variable) counts as XPath 2.0 and stays with
 * fontoxpath, which is only slower.
 */
export function isXPath1(expression: string): boolean {
  // Literals may hold any text; they do not change which language the expression is in.
  const code = expression.replace(/'[^']*'|"[^"]*"/g, "''");
  if (/['"]/.test(code.replaceAll("''", ''))) return false;
  if (xpath2Keywords.test(code) || xpath2Syntax.test(code)) return false;
  for (const [, name] of code.matchAll(functionCall)) {
    if (name === undefined || operators.has(name)) continue;
    if (!(xpath1Functions.has(name) || nodeTests.has(name))) return false;
  }
  for (const [, name] of code.matchAll(functionStep)) if (!nodeTests.has(name ?? '')) return false;
  return !hasSequence(code);
}

/** A comma inside plain parentheses, `('1', '2')`, builds a sequence; in a call it separates arguments. */
function hasSequence(code: string): boolean {
  const calls: boolean[] = [];
  for (let at = 0; at < code.length; at++) {
    const char = code[at];
    if (char === '(') {
      const before = /([\w.:-]+)\s*$/.exec(code.slice(0, at))?.[1];
      calls.push(before !== undefined && !operators.has(before));
    } else if (char === ')') calls.pop();
    else if (char === ',' && calls.at(-1) !== true) return true;
  }
  return false;
}
