import { HubError } from '@hub/errors';

/**
 * Every failure of a provider call, with its retry decision taken here, at the edge: a caller only
 * asks `error.retryable`. Retryable ones are safe to repeat because every request carries the same
 * requestId (see request-id.ts).
 */
export const PAYMENT_ERRORS = {
  /** No complete answer within the profile's timeout; the provider may still have acted. */
  PAYMENT_PROVIDER_TIMEOUT: { retryable: true },
  /** Connection refused or reset, HTTP 5xx or 429. */
  PAYMENT_PROVIDER_UNAVAILABLE: { retryable: true },
  /** A 2xx answer the standard does not describe (no JSON, missing fields, unknown status). */
  PAYMENT_PROVIDER_BAD_RESPONSE: { retryable: true },
  /** The provider's TLS certificate failed verification (unknown CA, expired, wrong host). */
  PAYMENT_PROVIDER_UNTRUSTED: { retryable: false },
  /** 401/403 after a fresh token, or the token endpoint refused the client credentials. */
  PAYMENT_PROVIDER_AUTH_FAILED: { retryable: false },
  /** 404: the provider does not know this transaction under this originator and endpoint. */
  PAYMENT_TRANSACTION_NOT_FOUND: { retryable: false },
  /** 409: the transaction's state forbids it (cancel after payment, refund beyond the amount). */
  PAYMENT_TRANSACTION_CONFLICT: { retryable: false },
  /** Any other 4xx or 3xx: the provider refused the request as it is. */
  PAYMENT_REQUEST_REJECTED: { retryable: false },
  /** Refused before sending: the input breaks a rule the provider would refuse anyway. */
  PAYMENT_REQUEST_INVALID: { retryable: false },
  /** The provider profile (configuration) is incomplete or malformed. */
  PAYMENT_PROFILE_INVALID: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

export type PaymentErrorCode = keyof typeof PAYMENT_ERRORS;

export function paymentError(code: PaymentErrorCode, message: string, cause?: unknown): HubError {
  return new HubError(code, message, { retryable: PAYMENT_ERRORS[code].retryable, cause });
}
