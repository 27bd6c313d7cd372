/**
 * Error messages of parsers and validators quote the input that failed: libxml2 ("The value
 * 'Erika' is not accepted by the pattern"), xmlbuilder ("Invalid character in string: Eri\u0000ka
 * at index 3"), avsc, JSON.parse, sax. Those values may be names and addresses, so no error
 * message leaves the process (dead-letter header, log line, span) without passing through here.
 *
 * Kept: the structure a reader needs to find the fault — element and attribute names, the facet,
 * the XSD pattern, JSON keys, rule ids, line numbers. Replaced by `…`: every other quoted value and
 * the known unquoted spots where libraries print input. Control characters are escaped.
 */
export function redactErrorMessage(message: string): string {
  const spotsRedacted = unquotedInputSpots.reduce(
    (text, [spot, replacement]) => text.replace(spot, replacement),
    message,
  );
  return escapeInvisibleCharacters(spotsRedacted.replace(quotedValue, keepStructuralQuote));
}

// A quoted run on one line: '…', "…", “…” or ‘…’.
const quotedValue = /'[^'\n]*'|"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’/g;

// The words just before a quote say whether it names structure (kept) or quotes input (redacted).
const structuralContext =
  /\b(element|attribute|facet|pattern|type|namespace|schema|rule|assert|field|path|topic|property|option)\s*[:=]?\s*$/i;
const jsonKey = /^"[\w.$-]+"$/;

function keepStructuralQuote(quote: string, offset: number, whole: string): string {
  const before = whole.slice(Math.max(0, offset - 40), offset);
  const after = whole.slice(offset + quote.length, offset + quote.length + 2);
  if (structuralContext.test(before)) return quote;
  if (jsonKey.test(quote) && after.trimStart().startsWith(':')) return quote;
  return `${quote.charAt(0)}…${quote.charAt(quote.length - 1)}`;
}

/** Where libraries print input unquoted or unbalanced, and what is left of it. */
const unquotedInputSpots: readonly (readonly [RegExp, string])[] = [
  // libxml2 quotes the value, which may itself hold quotes (O'Brien): cut up to the known sequel.
  [/(\bvalue ')[\s\S]*?(?=' (?:is|has|does) )/g, '$1…'],
  [/(: ')[\s\S]*?(?=' is not a valid value)/g, '$1…'],
  // xmlbuilder: "Invalid character in string: <input> at index 3"
  [/(Invalid character in (?:string|name)): [\s\S]*?( at index \d+|$)/g, '$1: …$2'],
  // sax (xml2js): "Unexpected close tag\nLine: 3\nColumn: 9\nChar: x"
  [/(\bChar: )[\s\S]*$/, '$1…'],
  // avsc: 'invalid "string": <the value as JSON>'
  [/(\binvalid "[\w.]+": )[\s\S]*$/i, '$1…'],
];

// C0/C1 controls, zero-width and bidi controls: they hide or reorder what an operator reads.
const invisible =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeInvisibleCharacters(text: string): string {
  return text.replace(
    invisible,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
