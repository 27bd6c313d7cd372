/** A launcher failure the operator can act on; the CLI prints its one-sentence message and exits 1. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
}
