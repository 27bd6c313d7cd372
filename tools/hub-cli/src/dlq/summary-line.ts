import type { DeadLetter } from '@hub/dead-letters';
import { deadLetterHeaders } from '@hub/kit';

/** The line `dlq list` prints: id, key, error code, attempts, last failure. No payload. */
export function summaryLine(letter: DeadLetter): string {
  const h = letter.headers;
  return [
    letter.id,
    letter.key?.toString() ?? '-',
    h[deadLetterHeaders.errorCode] ?? '-',
    `attempts=${h[deadLetterHeaders.attempts] ?? '?'}`,
    h[deadLetterHeaders.lastFailureAt] ?? '-',
  ].join('  ');
}
