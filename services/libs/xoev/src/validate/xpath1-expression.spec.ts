import { describe, expect, it } from 'vitest';
import { isXPath1 } from './xpath1-expression.js';

describe('isXPath1', () => {
  it.each([
    "not(not(*) and normalize-space(.) = '')",
    "leser/verzeichnisdienst/code = 'DVDV'",
    'count(xbau:a | xbau:b) > 1 and string-length(@id) <= 3',
    "code = 'if this then that'",
    'text()',
    'a and (b or c) or (d div (2 + 1)) > 0',
  ])('takes %s', (expression) => {
    expect(isXPath1(expression)).toBe(true);
  });

  it.each([
    'if (a) then (b) else true()',
    "matches(kennung, '^[a-z]+$')",
    'exists(xbau:kategorie)',
    "code = ('1', '2')",
    "a and ('1', '2') = code",
    'every $x in a satisfies $x',
    'xs:date(datum) lt current-date()',
    'a/string()',
    "code = 'unclosed",
  ])('leaves %s to fontoxpath', (expression) => {
    expect(isXPath1(expression)).toBe(false);
  });
});
