import { HubError } from '@hub/errors';

/**
 * GeoReport v2 answers errors as a list: `[{"code": 400, "description": "..."}]`, the code being
 * the HTTP status. One error per problem, so a client learns every bad field at once.
 */
export class Open311Error extends HubError {
  override readonly name = 'Open311Error';

  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415 | 503,
    readonly descriptions: readonly string[],
  ) {
    super(`OPEN311_${status}`, descriptions.join('; '), { retryable: status === 503 });
  }

  get errors(): { code: number; description: string }[] {
    return this.descriptions.map((description) => ({ code: this.status, description }));
  }
}
