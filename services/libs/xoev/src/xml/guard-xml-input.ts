import { xoevError } from '../xoev-error.js';
import { defaultXmlLimits, type XmlLimits } from './xml-limits.js';

// XÖV messages never need a DTD; refusing any declaration up front rules out external entities,
// entity expansion ("billion laughs") and DTD fetching whatever the parser behind us would do.
const dtdDeclaration = /<!\s*(DOCTYPE|ENTITY)/i;

/**
 * Refuses XML that is too large, declares a DTD or entities, or nests too deep, before any parser
 * allocates anything for it. Throws HubError XML_TOO_LARGE, XML_DTD_FORBIDDEN or XML_TOO_DEEP.
 */
export function guardXmlInput(xml: string, limits: XmlLimits = defaultXmlLimits): void {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > limits.maxBytes) {
    throw xoevError('XML_TOO_LARGE', `XML is ${bytes} bytes, the limit is ${limits.maxBytes}`);
  }
  if (dtdDeclaration.test(xml)) {
    throw xoevError('XML_DTD_FORBIDDEN', 'XML must not contain a DOCTYPE or ENTITY declaration');
  }
  const depth = maxElementDepth(xml, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw xoevError('XML_TOO_DEEP', `XML nests deeper than ${limits.maxDepth} elements`);
  }
}

/** Scans tags without building anything; stops counting once `stopAbove` is exceeded. */
function maxElementDepth(xml: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf('<');
  while (at !== -1 && deepest <= stopAbove) {
    const next = xml.charAt(at + 1);
    if (xml.startsWith('<!--', at)) at = skipPast(xml, at, '-->');
    else if (xml.startsWith('<![CDATA[', at)) at = skipPast(xml, at, ']]>');
    else if (next === '?') at = skipPast(xml, at, '?>');
    else {
      const end = endOfTag(xml, at);
      if (next === '/') depth -= 1;
      else if (xml.charAt(end - 1) !== '/') depth += 1;
      deepest = Math.max(deepest, depth);
      at = end + 1;
    }
    at = xml.indexOf('<', at);
  }
  return deepest;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const end = xml.indexOf(terminator, from);
  return end === -1 ? xml.length : end + terminator.length;
}

/** Index of the `>` closing the tag at `from`, skipping `>` inside quoted attribute values. */
function endOfTag(xml: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < xml.length; i += 1) {
    const char = xml.charAt(i);
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return xml.length;
}
