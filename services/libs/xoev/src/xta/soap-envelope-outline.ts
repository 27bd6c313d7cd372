import { XmlElement } from 'libxml2-wasm';
import { parseDocument } from '../xml/parse-document.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { xtaNamespaces } from './xta-namespaces.js';

/** A SOAP header block by its expanded name, and whether the sender insists it be understood. */
export interface HeaderBlock {
  readonly namespace: string;
  readonly localName: string;
  readonly mustUnderstand: boolean;
}

/** What a SOAP node looks at before it processes a message (SOAP 1.2 part 1, 2.6 and 5.4.7). */
export interface SoapEnvelopeOutline {
  readonly rootNamespace: string;
  readonly rootLocalName: string;
  readonly headerBlocks: readonly HeaderBlock[];
}

/**
 * Reads the root element and the header blocks of an untrusted SOAP message, for the version
 * check (VersionMismatch) and the mustUnderstand check (MustUnderstand). Throws HubError
 * XML_TOO_LARGE, XML_DTD_FORBIDDEN, XML_TOO_DEEP or XML_MALFORMED.
 */
export function readSoapEnvelopeOutline(xml: string, limits?: XmlLimits): SoapEnvelopeOutline {
  const document = parseDocument(xml, limits);
  try {
    const root = document.root;
    const soap12 = { s: xtaNamespaces.soap12 };
    const blocks = document
      .find('/s:Envelope/s:Header/*', soap12)
      .filter((node) => node instanceof XmlElement);
    return {
      rootNamespace: root.namespaceUri,
      rootLocalName: localNameOf(root),
      headerBlocks: blocks.map((block) => ({
        namespace: block.namespaceUri,
        localName: localNameOf(block),
        mustUnderstand: ['true', '1'].includes(mustUnderstandOf(block, soap12)),
      })),
    };
  } finally {
    document.dispose();
  }
}

function localNameOf(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

function mustUnderstandOf(block: XmlElement, soap12: Record<string, string>): string {
  const value = block.eval('string(@s:mustUnderstand)', soap12);
  return typeof value === 'string' ? value.trim() : '';
}
