import type { HubError } from '@hub/errors';
import { xoevError } from '../xoev-error.js';
import type { XoevErrorCode } from '../xoev-error-codes.js';

// The fault element names of the XTA 2 WSDL, and the code each becomes.
const xtaFaults: readonly (readonly [string, XoevErrorCode])[] = [
  ['XTAWSTechnicalProblemException', 'XTA_TECHNICAL_PROBLEM'],
  ['PermissionDeniedException', 'XTA_PERMISSION_DENIED'],
  ['ParameterIsNotValidException', 'XTA_PARAMETER_INVALID'],
  ['MessageSchemaViolationException', 'XTA_SCHEMA_VIOLATION'],
  ['InvalidMessageIDException', 'XTA_MESSAGE_ID_UNKNOWN'],
];

const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

interface TransportFailure {
  readonly code?: string;
  readonly message?: string;
  readonly body?: unknown;
  readonly response?: { readonly status?: number; readonly data?: unknown };
}

/**
 * Turns whatever a SOAP call threw into a HubError whose code says what happened and whether
 * trying again can help: XTA faults by their element name, then timeouts, connection errors and
 * HTTP status. Decided here, at the edge, once.
 */
export function classifyXtaError(operation: string, error: unknown): HubError {
  const failure = (error ?? {}) as TransportFailure;
  const body = [failure.body, failure.response?.data].find((text) => typeof text === 'string');
  const fault =
    typeof body === 'string' ? xtaFaults.find(([name]) => body.includes(name)) : undefined;
  const say = (what: string) => `XTA ${operation}: ${what}`;
  if (fault) return xoevError(fault[1], say(`${fault[0]}${faultReason(body)}`), error);
  if (failure.code && timeoutCodes.has(failure.code))
    return xoevError('XTA_TIMEOUT', say('timed out'), error);
  if (failure.code && unreachableCodes.has(failure.code)) {
    return xoevError('XTA_UNREACHABLE', say(`connection failed (${failure.code})`), error);
  }
  const status = failure.response?.status;
  if (status !== undefined && status >= 500) {
    return xoevError('XTA_UNREACHABLE', say(`HTTP ${status}`), error);
  }
  if (status !== undefined) return xoevError('XTA_REJECTED', say(`HTTP ${status}`), error);
  // Unknown failures count as retryable until the retry budget is spent (see style guide).
  return xoevError('XTA_UNREACHABLE', say(failure.message ?? 'unknown failure'), error);
}

/** The fault's human-readable reason (SOAP 1.2 Reason/Text), if any. */
function faultReason(body: string | undefined): string {
  const reason = body?.match(/<(?:\w+:)?Text[^>]*>([^<]*)</)?.[1];
  return reason ? `: ${reason}` : '';
}
