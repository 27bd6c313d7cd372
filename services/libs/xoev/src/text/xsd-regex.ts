import { HubError } from '@hub/errors';

/*
 * XML Schema regular expressions (XSD 1.0 Part 2, Appendix F) as JavaScript RegExps. The XSD
 * patterns the hub reads are character classes, alternatives and groups, which mean the same in
 * both dialects once these differences are bridged:
 *   - an XSD pattern always matches the whole value (implicitly anchored);
 *   - `^` and `$` are ordinary characters outside a class;
 *   - `.` is any character but \n and \r (JavaScript also excludes U+2028/U+2029);
 *   - `\d` is every Unicode decimal digit, `\s` only space, tab, CR and LF.
 * Constructs without a faithful translation (`\i`, `\c`, block escapes `\p{IsX}`, class
 * subtraction `[a-z-[aeiou]]`) are refused, so a pattern is never silently mistranslated.
 */

const escapes: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  n: '\\n',
  r: '\\r',
  t: '\\t',
};
const escapesInClass: Readonly<Record<string, string>> = {
  ...escapes,
  s: ' \\t\\n\\r',
};
const unsupported = new Set(['i', 'I', 'c', 'C', 'w', 'W']);

function refuse(pattern: string, construct: string): never {
  throw new HubError(
    'XSD_PATTERN_UNSUPPORTED',
    `XSD pattern uses ${construct}, which has no faithful JavaScript translation: ${pattern.slice(0, 80)}`,
    { retryable: false },
  );
}

/** The JavaScript source of one XSD escape at `pattern[index]` (the character after `\`). */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const letter = pattern[index] ?? '';
  if (unsupported.has(letter)) refuse(pattern, `\\${letter}`);
  if (letter === 'p' || letter === 'P') {
    const end = pattern.indexOf('}', index);
    const property = pattern.slice(index + 2, end);
    if (property.startsWith('Is')) refuse(pattern, `the block escape \\${letter}{${property}}`);
    return [`\\${letter}{${property}}`, end + 1];
  }
  const known = (inClass ? escapesInClass : escapes)[letter];
  if (known !== undefined) return [known, index + 1];
  // A single-character escape: outside a class `\-` is not a valid JavaScript escape in u-mode.
  return [!inClass && letter === '-' ? '-' : `\\${letter}`, index + 1];
}

/** Translates one XSD pattern facet to an anchored RegExp with Unicode (code point) semantics. */
export function xsdPatternToRegExp(pattern: string): RegExp {
  let source = '';
  let inClass = false;
  for (let index = 0; index < pattern.length;) {
    const char = pattern[index] ?? '';
    if (char === '\\') {
      const [translated, next] = translateEscape(pattern, index + 1, inClass);
      source += translated;
      index = next;
      continue;
    }
    if (inClass) {
      if (char === '-' && pattern[index + 1] === '[') refuse(pattern, 'class subtraction');
      if (char === ']') inClass = false;
      source += char;
    } else if (char === '[') {
      inClass = true;
      source += char;
      if (pattern[index + 1] === '^') {
        source += '^';
        index += 1;
      }
    } else if (char === '^' || char === '$') {
      source += `\\${char}`;
    } else if (char === '.') {
      source += '[^\\n\\r]';
    } else {
      source += char;
    }
    index += 1;
  }
  return new RegExp(`^(?:${source})$`, 'u');
}
