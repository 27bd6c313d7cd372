import type { XsdStringType } from './xsd-string-type.js';

/**
 * `xs:anyURI` as the validator (libxml2) checks it: a URI it can parse. The door asks for the
 * stricter RFC 3986 absolute URI in plain ASCII (non-ASCII percent-encoded, no brackets), which
 * every parser reads alike.
 */
export const absoluteUri: XsdStringType = {
  name: 'xs:anyURI',
  patterns: [
    [
      /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]*(%[0-9A-Fa-f]{2}[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]*)*$/,
    ],
  ],
};
