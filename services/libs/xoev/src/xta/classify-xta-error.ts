import { HubError } from '@hub/errors';
import { xoevError } from '../xoev-error.js';
import type { XoevErrorCode } from '../xoev-error-codes.js';
import { XtaTransportFailure } from './xta-http-transport.js';

// The fault element names of the XTA 2 WSDL, and the code each becomes.
const xtaFaults: readonly (readonly [string, XoevErrorCode])[] = [
  ['XTAWSTechnicalProblemException', 'XTA_TECHNICAL_PROBLEM'],
  ['PermissionDeniedException', 'XTA_PERMISSION_DENIED'],
  ['ParameterIsNotValidException', 'XTA_PARAMETER_INVALID'],
  ['MessageSchemaViolationException', 'XTA_SCHEMA_VIOLATION'],
  ['InvalidMessageIDException', 'XTA_MESSAGE_ID_UNKNOWN'],
];

const timeoutCodes = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const unreachableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * Turns whatever a SOAP call threw into a HubError whose code says what happened and whether
 * trying again can help: XTA faults by their element name, then timeouts, connection errors and
 * HTTP status. Decided here, at the edge, once; a HubError (an answer too large) stays as it is.
 */
export function classifyXtaError(operation: string, error: unknown): HubError {
  if (error instanceof HubError) return error;
  const { code, status, body } = error instanceof XtaTransportFailure ? error.detail : {};
  const message = error instanceof Error ? error.message : 'unknown failure';
  const fault = body === undefined ? undefined : xtaFaults.find(([name]) => body.includes(name));
  const say = (what: string) => `XTA ${operation}: ${what}`;
  if (fault) return xoevError(fault[1], say(`${fault[0]}${faultReason(body)}`), error);
  if (code && timeoutCodes.has(code)) return xoevError('XTA_TIMEOUT', say('timed out'), error);
  if (code && unreachableCodes.has(code)) {
    return xoevError('XTA_UNREACHABLE', say(`connection failed (${code})`), error);
  }
  if (status !== undefined && status >= 500) {
    return xoevError('XTA_UNREACHABLE', say(`HTTP ${status}`), error);
  }
  if (status !== undefined) return xoevError('XTA_REJECTED', say(`HTTP ${status}`), error);
  // Unknown failures (a TLS handshake refused, say) count as retryable until the retry budget
  // is spent (see style guide).
  return xoevError('XTA_UNREACHABLE', say(message), error);
}

/** The fault's human-readable reason (SOAP 1.2 Reason/Text), if any. */
function faultReason(body: string | undefined): string {
  const reason = body?.match(/<(?:\w+:)?Text[^>]*>([^<]*)</)?.[1];
  return reason ? `: ${reason}` : '';
}
