/** Bounds for untrusted XML; an XBau 0200 with attachments by reference is far below both. */
export interface XmlLimits {
  /** Largest accepted document, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting (the root element is depth 1). */
  readonly maxDepth: number;
}

export const defaultXmlLimits: XmlLimits = { maxBytes: 10 * 1024 * 1024, maxDepth: 64 };
