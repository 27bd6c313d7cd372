import type { HubError } from '@hub/errors';
import { paymentError } from './payment-errors.js';

/**
 * Turns a non-2xx HTTP status into the payment error it means. `what` names the call
 * ("GET paymenttransaction/…") without any payload, so messages carry no personal data.
 */
export function errorForStatus(status: number, what: string): HubError {
  const message = `${what} answered HTTP ${status}`;
  if (status === 429 || status >= 500) return paymentError('PAYMENT_PROVIDER_UNAVAILABLE', message);
  if (status === 401 || status === 403)
    return paymentError('PAYMENT_PROVIDER_AUTH_FAILED', message);
  if (status === 404) return paymentError('PAYMENT_TRANSACTION_NOT_FOUND', message);
  if (status === 409) return paymentError('PAYMENT_TRANSACTION_CONFLICT', message);
  if (status >= 300) return paymentError('PAYMENT_REQUEST_REJECTED', message);
  return paymentError('PAYMENT_PROVIDER_BAD_RESPONSE', message);
}
