import { HubError } from '@hub/errors';

/**
 * Edge classifiers: the code that talks to an outside system turns its failure into a HubError
 * with a retry decision, so the delivery engine never has to guess.
 */

const transientNetworkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** A failed connection, reset or timeout is worth another try; DNS "no such host" is not. */
export function classifyNetworkError(error: unknown, target: string): HubError {
  if (error instanceof HubError) return error;
  const code = networkCode(error);
  const name = error instanceof Error ? error.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const retryable = timedOut || (code !== undefined && transientNetworkCodes.has(code));
  return new HubError(
    retryable ? 'NETWORK_TRANSIENT' : 'NETWORK_FAILED',
    `Call to ${target} failed: ${code ?? (timedOut ? 'timeout' : 'network error')}`,
    { retryable, cause: error },
  );
}

/** 408, 425, 429 and 5xx may succeed later; every other 4xx will fail the same way again. */
export function classifyHttpStatus(status: number, target: string, body = ''): HubError {
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const detail = body ? `: ${body.slice(0, 200)}` : '';
  return new HubError(`HTTP_${status}`, `${target} answered HTTP ${status}${detail}`, {
    retryable,
  });
}

/**
 * SOAP 1.1 `Server` / SOAP 1.2 `Receiver` faults are the service's own trouble (retryable);
 * `Client` / `Sender`, `VersionMismatch`, `MustUnderstand` and `DataEncodingUnknown` blame the
 * message, which will be refused again.
 */
export function classifySoapFault(faultCode: string, reason: string, target: string): HubError {
  const local = faultCode.slice(faultCode.lastIndexOf(':') + 1);
  const retryable = local === 'Server' || local === 'Receiver';
  return new HubError(`SOAP_${local.toUpperCase()}`, `${target} SOAP fault ${local}: ${reason}`, {
    retryable,
  });
}

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
