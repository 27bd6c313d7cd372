import { HubError } from '@hub/errors';

/** A record whose bytes can never be decoded: retrying cannot help, it belongs in the DLQ. */
export class UndecodableRecordError extends HubError {
  override readonly name = 'UndecodableRecordError';
  constructor(
    code:
      | 'SERDE_UNKNOWN_MAGIC_BYTE'
      | 'SERDE_TRUNCATED'
      | 'SERDE_CORRUPT_PAYLOAD'
      | 'SERDE_UNKNOWN_SCHEMA_ID',
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { retryable: false, cause });
  }
}

/** A value that does not match its schema; `path` names the first offending field, e.g. `applicant.address.zip`. */
export class InvalidValueError extends HubError {
  override readonly name = 'InvalidValueError';
  constructor(
    readonly schemaName: string,
    readonly path: string,
    reason: string,
  ) {
    super(
      'SERDE_INVALID_VALUE',
      `Value does not match schema ${schemaName} at ${path || '(root)'}: ${reason}`,
      { retryable: false },
    );
  }
}

/** The schema registry could not be reached or answered with a server error: worth another try. */
export class RegistryUnavailableError extends HubError {
  override readonly name = 'RegistryUnavailableError';
  constructor(message: string, cause?: unknown) {
    super('REGISTRY_UNAVAILABLE', message, { retryable: true, cause });
  }
}

/** The registry refused a request (e.g. an incompatible schema): the same request will fail again. */
export class RegistryRejectedError extends HubError {
  override readonly name = 'RegistryRejectedError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('REGISTRY_REJECTED', message, { retryable: false });
  }
}
