import { readFileSync } from 'node:fs';
import { XmlDocument, XmlElement, type XmlNode } from 'libxml2-wasm';
import { HubError } from '@hub/errors';
import { xsdPatternToRegExp } from './xsd-regex.js';

/** The lexical constraints of one named XSD simple type derived (ultimately) from a string type. */
export interface XsdStringType {
  /** e.g. `din91379:datatypeC`, as the schemas refer to it. */
  readonly name: string;
  /** One entry per derivation step; a value must match one pattern of every step. */
  readonly patterns: readonly (readonly RegExp[])[];
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A code list inlined as enumeration facets: the value must be one of them. */
  readonly enumeration?: readonly string[];
}

const xs = { xs: 'http://www.w3.org/2001/XMLSchema' };

function facet(restriction: XmlElement, name: string): string[] {
  return restriction
    .find(`xs:${name}`, xs)
    .filter((node: XmlNode): node is XmlElement => node instanceof XmlElement)
    .map((node) => node.attr('value')?.value ?? '');
}

/**
 * Reads `typeName`'s restriction facets from the XSD file at `xsdPath`, following `base` through
 * the same file until a built-in `xs:` type. Read once at start-up, so the door checks exactly
 * what the official schema says instead of a re-typed copy.
 */
export function readXsdStringType(xsdPath: string, typeName: string, name: string): XsdStringType {
  const document = XmlDocument.fromBuffer(readFileSync(xsdPath));
  try {
    const patterns: RegExp[][] = [];
    const minLengths: number[] = [];
    const maxLengths: number[] = [];
    const enumerations: string[][] = [];
    for (let local: string | undefined = typeName; local !== undefined;) {
      const restriction: XmlNode | null = document.get(
        `/xs:schema/xs:simpleType[@name='${local}']/xs:restriction`,
        xs,
      );
      if (!(restriction instanceof XmlElement)) {
        throw new HubError(
          'XSD_TYPE_NOT_FOUND',
          `No simple type ${local} restricting a string type in ${xsdPath}.`,
          { retryable: false },
        );
      }
      const stepPatterns = facet(restriction, 'pattern').map(xsdPatternToRegExp);
      if (stepPatterns.length > 0) patterns.push(stepPatterns);
      minLengths.push(...facet(restriction, 'minLength').map(Number));
      maxLengths.push(...facet(restriction, 'maxLength').map(Number));
      const values = facet(restriction, 'enumeration');
      if (values.length > 0) enumerations.push(values);
      const base: string = restriction.attr('base')?.value ?? 'xs:string';
      local = base.startsWith('xs:') ? undefined : base.replace(/^.*:/, '');
    }
    return {
      name,
      patterns,
      ...(minLengths.length > 0 ? { minLength: Math.max(...minLengths) } : {}),
      ...(maxLengths.length > 0 ? { maxLength: Math.min(...maxLengths) } : {}),
      // The most derived step's enumeration is the narrowest (a restriction only removes values).
      ...(enumerations[0] ? { enumeration: enumerations[0] } : {}),
    };
  } finally {
    document.dispose();
  }
}
