import { describe, expect, it } from 'vitest';
import { toYaml } from './yaml.js';

describe('toYaml', () => {
  it('given strings YAML would read as other types, when written, then they stay strings', () => {
    expect(toYaml({ a: 'yes', b: '0m', c: 'null', d: 'x: y # z' })).toBe(
      'a: "yes"\nb: "0m"\nc: "null"\nd: "x: y # z"\n',
    );
  });

  it('given lists of maps and empty collections, when written, then items open on their dash', () => {
    expect(
      toYaml({ groups: [{ name: 'g', rules: [{ alert: 'A', for: '1m' }], empty: [] }], none: {} }),
    ).toBe(
      [
        'groups:',
        '  - name: "g"',
        '    rules:',
        '      - alert: "A"',
        '        for: "1m"',
        '    empty: []',
        'none: {}',
        '',
      ].join('\n'),
    );
  });

  it('given numbers, booleans and keys that are not plain, when written, then each is exact', () => {
    expect(toYaml({ n: 1.5, t: true, 'a b': 1 })).toBe('n: 1.5\nt: true\n"a b": 1\n');
  });
});
