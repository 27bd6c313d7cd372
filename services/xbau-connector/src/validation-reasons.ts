import { describeReasons, type ValidationReason } from '@hub/xoev';

/**
 * The validator's reasons without the values they quote: they end up in dead-letter headers and
 * logs, where personal data (names, addresses in the message) must not go. Kept: source, line,
 * XPath, Schematron assert id, the rule that failed.
 */
export function rejectionReasons(reasons: readonly ValidationReason[]): string {
  return describeReasons(
    reasons.map((reason) => ({
      ...reason,
      message: reason.message.replace(/\bvalue '[^']*'/gi, "value '…'"),
    })),
  );
}
