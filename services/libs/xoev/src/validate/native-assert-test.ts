import { XmlXPath, type NamespaceMap, type XmlElement } from 'libxml2-wasm';
import { isXPath1 } from './xpath1-expression.js';

/** A Schematron assert's test, compiled for libxml2: does it hold on this context element? */
export interface NativeAssertTest {
  holds(element: XmlElement): boolean;
  dispose(): void;
}

/**
 * Compiles `test` for libxml2's XPath 1.0 engine, or returns undefined when it is outside what
 * can be evaluated there without changing its meaning. Beyond plain XPath 1.0 it takes the two
 * XPath 2.0 forms that XBau 2.6 puts on every message's header (issue 17): `if (c) then (t) else e`,
 * evaluated as `c ? t : e` over the effective boolean values, and `matches(s, 're')` with an
 * XPath regular expression that means the same in JavaScript.
 */
export function compileAssertTest(
  test: string,
  namespaces: NamespaceMap,
): NativeAssertTest | undefined {
  const expression = test.trim();
  if (isXPath1(expression)) return xpath1Test(expression, namespaces);
  const conditional = splitConditional(expression);
  if (conditional) {
    const parts = conditional.map((part) => compileAssertTest(part, namespaces));
    const [condition, then, otherwise] = parts;
    if (!condition || !then || !otherwise) {
      for (const part of parts) part?.dispose();
      return undefined;
    }
    return {
      holds: (element) =>
        condition.holds(element) ? then.holds(element) : otherwise.holds(element),
      dispose: () => {
        for (const part of [condition, then, otherwise]) part.dispose();
      },
    };
  }
  return matchesTest(expression, namespaces);
}

function xpath1Test(expression: string, namespaces: NamespaceMap): NativeAssertTest | undefined {
  let compiled: XmlXPath;
  try {
    compiled = XmlXPath.compile(expression, namespaces);
  } catch {
    // libxml2 refused what the lexical check let through: leave it to fontoxpath.
    return undefined;
  }
  return {
    holds: (element) => effectiveBoolean(element.eval(compiled)),
    dispose: () => {
      compiled.dispose();
    },
  };
}

/** `matches(s, 'pattern')` (no flags): `s` in XPath 1.0, the pattern translatable to JavaScript. */
function matchesTest(expression: string, namespaces: NamespaceMap): NativeAssertTest | undefined {
  const call = /^matches\s*\(([\s\S]*)\)$/.exec(unwrapped(expression));
  const args = call?.[1] === undefined ? [] : topLevelSplit(call[1], ',');
  const [subject, literal] = args.map((arg) => arg.trim());
  if (args.length !== 2 || subject === undefined || literal === undefined) return undefined;
  const pattern = /^'([^']*)'$|^"([^"]*)"$/.exec(literal);
  const regex = javaScriptRegex(pattern?.[1] ?? pattern?.[2]);
  if (!regex || !isXPath1(subject)) return undefined;
  let text: XmlXPath;
  try {
    text = XmlXPath.compile(`string(${subject})`, namespaces);
  } catch {
    return undefined;
  }
  return {
    // `string(…)` always evaluates to a string.
    holds: (element) => regex.test(element.eval(text) as string),
    dispose: () => {
      text.dispose();
    },
  };
}

/**
 * XPath's regular expressions are XML Schema's with `^`/`$` anchors. Only a subset whose meaning
 * is the same in JavaScript (with the `u` flag) is translated: `\d` is any Unicode decimal digit
 * in both after the translation; any other escape, class subtraction or back-reference is not.
 */
function javaScriptRegex(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  // No unescaped `.` either: JavaScript's also refuses U+2028 and U+2029, XPath's does not.
  if (
    !/^(?:[\w\s^$*+?{}()|,:;/#@!%&=<>~'"-]|\[[^\][\\]*\]|\\[d.\\\-+*?(){}[\]^$|])*$/.test(pattern)
  )
    return undefined;
  try {
    return new RegExp(pattern.replaceAll('\\d', '\\p{Nd}'), 'u');
  } catch {
    return undefined;
  }
}

/** `if (c) then t else e` as [c, t, e], or undefined when the expression is not one. */
function splitConditional(expression: string): [string, string, string] | undefined {
  const opening = /^if\s*\(/.exec(expression);
  if (!opening) return undefined;
  const conditionEnd = closingParenthesis(expression, opening[0].length - 1);
  if (conditionEnd === undefined) return undefined;
  const rest = expression.slice(conditionEnd + 1);
  const then = /^\s*then\s*\(/.exec(rest);
  if (!then) return undefined;
  const thenEnd = closingParenthesis(rest, then[0].length - 1);
  if (thenEnd === undefined) return undefined;
  const otherwise = /^\s*else\s+([\s\S]+)$/.exec(rest.slice(thenEnd + 1));
  if (!otherwise?.[1]) return undefined;
  return [
    expression.slice(opening[0].length, conditionEnd),
    rest.slice(then[0].length, thenEnd),
    otherwise[1],
  ];
}

/** `(x)` as `x`, when the parentheses enclose the whole expression. */
function unwrapped(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.startsWith('(') && closingParenthesis(trimmed, 0) === trimmed.length - 1
    ? unwrapped(trimmed.slice(1, -1))
    : trimmed;
}

/** The index of the `)` closing the `(` at `open`, skipping string literals. */
function closingParenthesis(text: string, open: number): number | undefined {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const char = text[at];
    if (char === "'" || char === '"') {
      const closing = text.indexOf(char, at + 1);
      if (closing === -1) return undefined;
      at = closing;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return at;
  }
  return undefined;
}

/** `text` split at `separator` where it stands outside brackets and string literals. */
export function topLevelSplit(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === "'" || char === '"') {
      const closing = text.indexOf(char, at + 1);
      at = closing === -1 ? text.length : closing;
    } else if (char === separator && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** XPath's boolean() of a result: a non-empty node set or string, a non-zero number. */
function effectiveBoolean(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value === true;
}
