import { absoluteUri } from './any-uri.js';
import { checkText, type TextViolation } from './check-text.js';
import { xbau0200TextFields, type XbauTextField } from './xbau-0200-text-fields.js';
import type { XbauTextTypes, XbauTextVersion } from './xbau-text-types.js';

/** One text of the application that the 0200 of some release could not carry. */
export interface MisfitText {
  /** JSON pointer into the application, e.g. `/applicant/givenName`, `/formFields/3/value`. */
  readonly pointer: string;
  readonly violation: TextViolation;
}

type Json = Record<string, unknown>;

/** Every string at `pointer` (`*` = each array item), with its concrete pointer. */
function stringsAt(value: unknown, segments: readonly string[], prefix = ''): [string, string][] {
  const [head, ...rest] = segments;
  if (head === undefined) return typeof value === 'string' ? [[prefix, value]] : [];
  if (head === '*') {
    return Array.isArray(value)
      ? value.flatMap((item, index) => stringsAt(item, rest, `${prefix}/${index}`))
      : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return stringsAt((value as Json)[head], rest, `${prefix}/${head}`);
}

function formFields(application: Json): { key: unknown; value: unknown }[] {
  return Array.isArray(application.formFields)
    ? (application.formFields as { key: unknown; value: unknown }[])
    : [];
}

function textsOf(application: Json, field: XbauTextField): [string, string][] {
  const { at } = field;
  if ('pointer' in at) return stringsAt(application, at.pointer.split('/').slice(1));
  return formFields(application).flatMap((entry, index): [string, string][] =>
    entry.key === at.formField && typeof entry.value === 'string'
      ? [[`/formFields/${index}/value`, entry.value]]
      : [],
  );
}

/** Form answers no 0200 element takes: they still travel in XML-carrying events. */
function unmappedFormTexts(application: Json): [string, string][] {
  const mapped = new Set(
    xbau0200TextFields.flatMap(({ at }) => ('formField' in at ? [at.formField] : [])),
  );
  return formFields(application).flatMap((entry, index): [string, string][] =>
    typeof entry.key === 'string' && !mapped.has(entry.key) && typeof entry.value === 'string'
      ? [[`/formFields/${index}/value`, entry.value]]
      : [],
  );
}

/**
 * The texts of a portal application (or of an event's `application`) that the XBau 0200 of any
 * of `versions` could not carry, checked against the types read from the official XSDs.
 */
export function xbau0200MisfitTexts(
  application: Json,
  versions: readonly XbauTextVersion[],
  types: XbauTextTypes,
): MisfitText[] {
  const misfits: MisfitText[] = [];
  for (const field of xbau0200TextFields) {
    const named = versions.flatMap((version) =>
      field.types[version].flatMap((type) => {
        if (type === 'xs:anyURI') return [absoluteUri];
        const known = types.get(`${version} ${type}`);
        return known ? [known] : [];
      }),
    );
    const rule = { singleLine: field.singleLine, types: [...new Set(named)] };
    for (const [pointer, value] of textsOf(application, field)) {
      // A blank answer is no answer: the mapping leaves it out; required ones are checked apart.
      if ('formField' in field.at && value.trim() === '') continue;
      const violation = checkText(value, rule);
      if (violation) misfits.push({ pointer, violation });
    }
  }
  for (const [pointer, value] of unmappedFormTexts(application)) {
    const violation = value === '' ? undefined : checkText(value, { singleLine: false, types: [] });
    if (violation) misfits.push({ pointer, violation });
  }
  return misfits;
}
