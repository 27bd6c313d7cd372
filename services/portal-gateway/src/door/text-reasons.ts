import type { TextViolation } from '@hub/xoev';

/** An English and a German reason for a text the procedure's standard cannot carry. */
export function textReasons(violation: TextViolation): { reason: string; reasonDe: string } {
  switch (violation.kind) {
    case 'blank':
      return { reason: 'must not be blank', reasonDe: 'darf nicht leer sein' };
    case 'line-break':
      return {
        reason: 'must be a single line (no tab, CR or LF)',
        reasonDe: 'muss einzeilig sein (kein Tabulator, CR oder LF)',
      };
    case 'not-xml': {
      const which = violation.codePoints.join(', ');
      return {
        reason: `contains characters no XML message can carry: ${which}`,
        reasonDe: `enthält Zeichen, die keine XML-Nachricht transportieren kann: ${which}`,
      };
    }
    case 'outside-type': {
      const which = violation.codePoints.join(', ');
      return which === ''
        ? {
            reason: `does not have the form XBau requires (${violation.type})`,
            reasonDe: `hat nicht die Form, die XBau verlangt (${violation.type})`,
          }
        : {
            reason: `contains characters XBau does not allow here (${violation.type}): ${which}`,
            reasonDe: `enthält Zeichen, die XBau hier nicht zulässt (${violation.type}): ${which}`,
          };
    }
    case 'too-long':
      return {
        reason: `is longer than the ${violation.maxLength} characters XBau allows (${violation.type})`,
        reasonDe: `ist länger als die ${violation.maxLength} Zeichen, die XBau zulässt (${violation.type})`,
      };
    case 'too-short':
      return {
        reason: `is shorter than the ${violation.minLength} characters XBau requires (${violation.type})`,
        reasonDe: `ist kürzer als die ${violation.minLength} Zeichen, die XBau verlangt (${violation.type})`,
      };
    case 'not-in-list': {
      const allowed = violation.allowed.join(', ');
      return {
        reason: `must be one of ${allowed} (${violation.type})`,
        reasonDe: `muss einer der Werte ${allowed} sein (${violation.type})`,
      };
    }
  }
}
