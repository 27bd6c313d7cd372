import { describe, expect, it } from 'vitest';
import { redactErrorMessage } from './redact-error-message.js';

const name = 'Zyxwort\u0000 Quxheim';

describe('redactErrorMessage', () => {
  it.each([
    [
      'xmlbuilder (mapping)',
      `Invalid character in string: ${name} at index 7`,
      'Invalid character in string: … at index 7',
    ],
    [
      'libxml2 pattern facet',
      `Element '{urn:x}familienname': [facet 'pattern'] The value '${name}' is not accepted by the pattern '[a-z]+'.`,
      "Element '{urn:x}familienname': [facet 'pattern'] The value '…' is not accepted by the pattern '[a-z]+'.",
    ],
    [
      'libxml2 atomic type',
      `Element 'geburtsdatum': '${name}' is not a valid value of the atomic type 'xs:date'.`,
      "Element 'geburtsdatum': '…' is not a valid value of the atomic type 'xs:date'.",
    ],
    [
      'libxml2 value with a quote inside',
      "Element 'name': [facet 'pattern'] The value 'Zyxwort O'Quxheim' is not accepted by the pattern '[a-z]+'.",
      "Element 'name': [facet 'pattern'] The value '…' is not accepted by the pattern '[a-z]+'.",
    ],
    [
      'libxml2 atomic type with a quote inside',
      "Element 'geburtsdatum': 'Zyxwort O'Quxheim' is not a valid value of the atomic type 'xs:date'.",
      "Element 'geburtsdatum': '…' is not a valid value of the atomic type 'xs:date'.",
    ],
    ['avsc', `invalid "string": "${name}"`, 'invalid "string": …'],
    [
      'JSON.parse',
      `Unexpected token 'Z', "{"a": ${name}}" is not valid JSON`,
      `Unexpected token '…', "…"a"…" is not valid JSON`,
    ],
    [
      'sax',
      `Unexpected close tag\nLine: 0\nColumn: 9\nChar: ${name}`,
      'Unexpected close tag\nLine: 0\nColumn: 9\nChar: …',
    ],
    ['JSON key kept, value gone', `{"familienname": "${name}"}`, '{"familienname": "…"}'],
  ])('given a %s message, when redacted, then the name is gone', (_, message, expected) => {
    const redacted = redactErrorMessage(message);

    expect(redacted).not.toContain('Zyxwort');
    expect(redacted).not.toContain('Quxheim');
    expect(redacted).toBe(expected);
  });

  it('given a message without quoted input, when redacted, then it is unchanged', () => {
    const message = 'XML is 2097152 bytes, the limit is 1048576';

    expect(redactErrorMessage(message)).toBe(message);
  });

  it('given control and bidi characters, when redacted, then they are escaped', () => {
    expect(redactErrorMessage('at\u0000x\u202e')).toBe('at\\u0000x\\u202e');
  });
});
