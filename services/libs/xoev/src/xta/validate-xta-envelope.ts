import { XmlElement, type XmlNode, type XsdValidator } from 'libxml2-wasm';
import type { ValidationReason } from '../validate/validation-result.js';
import { xsdReasons } from '../validate/xsd-validators.js';
import { parseDocument } from '../xml/parse-document.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { xtaNamespaces } from './xta-namespaces.js';
import { compileXtaSchemaSet } from './xta-schema-set.js';

export interface XtaEnvelopeValidation {
  readonly valid: boolean;
  readonly reasons: readonly ValidationReason[];
}

// The envelope schema takes header blocks, body content and fault details as lax wildcards:
// an element no schema declares would pass unseen. Each of them is validated again on its own,
// where the schema set must declare it.
const partsOfEnvelope =
  '/s:Envelope/s:Header/* | /s:Envelope/s:Body/* | /s:Envelope/s:Body/s:Fault/s:Detail/*';

let compiled: XsdValidator | undefined;

/**
 * Validates one SOAP envelope of XTA 2 against the official XSDs (contracts/xoev/xta/2.1.1):
 * the Envelope against the SOAP 1.2 schema, then every header block, the body's content and
 * every fault detail against the XTA schema set. The set is compiled once per process.
 * Throws HubError XML_TOO_LARGE, XML_DTD_FORBIDDEN, XML_TOO_DEEP or XML_MALFORMED when the text
 * is not acceptable XML at all.
 */
export function validateXtaEnvelope(xml: string, limits?: XmlLimits): XtaEnvelopeValidation {
  const validator = (compiled ??= compileXtaSchemaSet());
  const document = parseDocument(xml, limits);
  try {
    const parts = document.find(partsOfEnvelope, { s: xtaNamespaces.soap12 });
    const envelopeReasons = xsdReasons(validator, document);
    // A declared part is already checked through the envelope; report its faults once.
    const known = new Set(envelopeReasons.map((reason) => reason.message));
    const partReasons = parts
      .flatMap((part) => validatePart(validator, part))
      .filter((reason) => !known.has(reason.message));
    const reasons = [...envelopeReasons, ...partReasons];
    return { valid: reasons.length === 0, reasons };
  } finally {
    document.dispose();
  }
}

function validatePart(validator: XsdValidator, part: XmlNode): ValidationReason[] {
  if (!(part instanceof XmlElement)) return [];
  // Validated in place, with the namespaces declared above it in scope, as the root of its own
  // document would be (libxml2's xmlSchemaValidateOneElement): no copy of a large body is made.
  return xsdReasons(validator, part).map((reason) => ({
    source: reason.source,
    message: reason.message,
    location: `${part.name}${reason.location === undefined ? '' : ` ${reason.location}`}`,
  }));
}
