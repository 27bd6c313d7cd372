import { ParseOption, XmlDocument, XmlParseError } from 'libxml2-wasm';
import { xoevError } from '../xoev-error.js';
import { guardXmlInput } from './guard-xml-input.js';
import { defaultXmlLimits, type XmlLimits } from './xml-limits.js';

// No entity substitution, no DTD loading, no network, no external entities: belt and braces
// behind guardXmlInput, which already refused every DTD.
const safeOptions = (ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE) as ParseOption;

/**
 * Parses untrusted XML into a libxml2 document for validation, after {@link guardXmlInput}.
 * The caller owns the document and must dispose it.
 */
export function parseDocument(xml: string, limits: XmlLimits = defaultXmlLimits): XmlDocument {
  guardXmlInput(xml, limits);
  try {
    return XmlDocument.fromString(xml, { option: safeOptions });
  } catch (error) {
    const detail =
      error instanceof XmlParseError
        ? error.details.map((d) => `line ${d.line}: ${d.message.trim()}`).join('; ')
        : String(error);
    throw xoevError('XML_MALFORMED', `XML is not well-formed: ${detail}`, error);
  }
}
