import { Parser, processors } from 'xml2js';
import { xoevError } from '../xoev-error.js';
import { guardXmlInput } from './guard-xml-input.js';
import { defaultXmlLimits, type XmlLimits } from './xml-limits.js';

/** An element as xml2js gives it: attributes under `$`, text under `_`, children by local name. */
export type XmlObject = Record<string, unknown>;

/** The root element's local name and its content. */
export interface ParsedXml {
  readonly rootName: string;
  readonly root: XmlObject;
}

/**
 * Parses untrusted XML into plain objects after {@link guardXmlInput}; prefixes are stripped so
 * that readers address elements by local name, children stay arrays so that repetition is safe.
 * Throws HubError XML_TOO_LARGE, XML_DTD_FORBIDDEN, XML_TOO_DEEP or XML_MALFORMED.
 */
export async function parseXml(
  xml: string,
  limits: XmlLimits = defaultXmlLimits,
): Promise<ParsedXml> {
  guardXmlInput(xml, limits);
  const parser = new Parser({
    explicitRoot: true,
    explicitArray: true,
    tagNameProcessors: [processors.stripPrefix],
    attrNameProcessors: [processors.stripPrefix],
  });
  let parsed: unknown;
  try {
    parsed = await parser.parseStringPromise(xml);
  } catch (error) {
    throw xoevError('XML_MALFORMED', `XML is not well-formed: ${describe(error)}`, error);
  }
  const [entry] = Object.entries(parsed as XmlObject);
  if (!entry) throw xoevError('XML_MALFORMED', 'XML has no root element');
  const [rootName, root] = entry;
  return { rootName, root: (root ?? {}) as XmlObject };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').join(' ') : String(error);
}
