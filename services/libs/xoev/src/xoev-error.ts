import { HubError } from '@hub/errors';
import { xoevErrorCodes, type XoevErrorCode } from './xoev-error-codes.js';

/** Builds the HubError for a code of this library; retryability comes from the code table. */
export function xoevError(code: XoevErrorCode, message: string, cause?: unknown): HubError {
  return new HubError(code, message, { retryable: xoevErrorCodes[code].retryable, cause });
}
