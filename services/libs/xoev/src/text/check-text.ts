import { isXmlText } from './xml-chars.js';
import type { XsdStringType } from './xsd-string-type.js';

/** Why a text cannot be carried; names code points and limits, never the value itself. */
export type TextViolation =
  | { readonly kind: 'blank' }
  | { readonly kind: 'line-break' }
  | { readonly kind: 'not-xml'; readonly codePoints: readonly string[] }
  | { readonly kind: 'outside-type'; readonly type: string; readonly codePoints: readonly string[] }
  | { readonly kind: 'too-long'; readonly type: string; readonly maxLength: number }
  | { readonly kind: 'too-short'; readonly type: string; readonly minLength: number }
  | { readonly kind: 'not-in-list'; readonly type: string; readonly allowed: readonly string[] };

export interface TextRule {
  /** A single-line field (a name, an address line): tab, CR and LF are refused. */
  readonly singleLine: boolean;
  /** The named types of every element the value lands in; built-ins need only XML text. */
  readonly types: readonly XsdStringType[];
}

const codePoint = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct characters of `value` that `accepts` refuses, as U+XXXX (at most five). */
function offending(value: string, accepts: (char: string) => boolean): string[] {
  // Code points, not graphemes: XSD patterns and lengths are defined on code points.
  return [...new Set(Array.from(value).filter((char) => !accepts(char)))]
    .slice(0, 5)
    .map(codePoint);
}

function matchesAll(value: string, type: XsdStringType): boolean {
  return type.patterns.every((step) => step.some((pattern) => pattern.test(value)));
}

/**
 * Checks a normalised (NFC, trimmed) text against what the standard accepts where it lands:
 * XML characters first, then each XSD type's patterns and lengths (in code points, as XSD counts).
 */
export function checkText(value: string, rule: TextRule): TextViolation | undefined {
  if (value.trim() === '') return { kind: 'blank' };
  if (!isXmlText(value)) return { kind: 'not-xml', codePoints: offending(value, isXmlText) };
  if (rule.singleLine && /[\t\n\r]/.test(value)) return { kind: 'line-break' };
  const length = Array.from(value).length;
  for (const type of rule.types) {
    if (!matchesAll(value, type)) {
      return {
        kind: 'outside-type',
        type: type.name,
        codePoints: offending(value, (char) => matchesAll(char, type)),
      };
    }
    if (type.enumeration && !type.enumeration.includes(value))
      return { kind: 'not-in-list', type: type.name, allowed: type.enumeration };
    if (type.maxLength !== undefined && length > type.maxLength)
      return { kind: 'too-long', type: type.name, maxLength: type.maxLength };
    if (type.minLength !== undefined && length < type.minLength)
      return { kind: 'too-short', type: type.name, minLength: type.minLength };
  }
  return undefined;
}
