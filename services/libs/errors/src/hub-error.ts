export interface HubErrorOptions {
  /** Whether trying the same thing again may succeed (timeouts, 5xx) or never will (bad input). */
  readonly retryable: boolean;
  readonly cause?: unknown;
}

/**
 * The one base error of the hub: a stable machine-readable code and a retry decision, taken where
 * the error is thrown, so that retry and dead-letter logic never has to guess.
 */
export class HubError extends Error {
  override readonly name: string = 'HubError';
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: HubErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}
