/**
 * XML 1.0 `Char` production (§2.2): every character an XML document can carry at all. Control
 * characters other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF are not among them,
 * so an `xs:string` or `xs:token` holding one cannot be written into a message.
 */
const xmlChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

export function isXmlText(value: string): boolean {
  return xmlChars.test(value);
}
