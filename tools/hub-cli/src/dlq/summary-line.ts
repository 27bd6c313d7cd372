import { contextOf, type DeadLetter } from '@hub/dead-letters';

/** The line `dlq list` prints: id, key, error code, attempts, last failure. No payload. */
export function summaryLine(letter: DeadLetter): string {
  const context = contextOf(letter.headers);
  return [
    letter.id,
    letter.key?.toString() ?? '-',
    context.errorCode ?? '-',
    `attempts=${context.attempts ?? '?'}`,
    context.lastFailureAt?.toISOString() ?? '-',
  ].join('  ');
}
