import { HubError } from '@hub/errors';

/**
 * getMessage failures per XTA message id. A retryable failure leaves the message for the next
 * round until `maxAttempts` is spent; a non-retryable one gives up at once. Counts live in memory:
 * a restart grants a message a fresh budget, which only delays its dead letter.
 */
export class FetchFailures {
  private readonly attempts = new Map<string, number>();

  constructor(private readonly maxAttempts: number) {}

  /** Records a failure; true when the message should now be dead-lettered by its id. */
  giveUp(messageId: string, error: unknown): boolean {
    const attempts = (this.attempts.get(messageId) ?? 0) + 1;
    this.attempts.set(messageId, attempts);
    const retryable = !(error instanceof HubError) || error.retryable;
    return !retryable || attempts >= this.maxAttempts;
  }

  attemptsOf(messageId: string): number {
    return this.attempts.get(messageId) ?? 0;
  }

  forget(messageId: string): void {
    this.attempts.delete(messageId);
  }
}
