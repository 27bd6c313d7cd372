/** Where a reason was found: the XSD, a Schematron assert or a code-list lookup. */
export type ValidationSource = 'xsd' | 'schematron' | 'codelist';

/** One readable reason why a message is invalid. */
export interface ValidationReason {
  readonly source: ValidationSource;
  readonly message: string;
  /** Line in the message, where the validator knows it. */
  readonly line?: number;
  /** XPath of the offending node, or the Schematron assert id. */
  readonly location?: string;
}

export interface ValidationResult {
  readonly valid: boolean;
  /** The standard and release the message was detected as, e.g. `XWasser 1.0.0`. */
  readonly standard: string;
  /** The schema set the message was checked against. */
  readonly schemaSet: string;
  /** The root element's local name, e.g. `baugenehmigung.antrag.0200`. */
  readonly messageName: string;
  readonly reasons: readonly ValidationReason[];
}

/** One line per reason, for error messages and rejections (Rückweisung). */
export function describeReasons(reasons: readonly ValidationReason[]): string {
  return reasons
    .map((reason) => {
      const where = reason.line === undefined ? '' : ` line ${reason.line}`;
      const what = reason.location === undefined ? '' : ` at ${reason.location}`;
      return `[${reason.source}${where}${what}] ${reason.message}`;
    })
    .join('\n');
}
