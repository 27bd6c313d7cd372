export interface AccessToken {
  readonly value: string;
  /** Seconds the token is valid for, as the token endpoint said. */
  readonly expiresInSeconds: number;
}

/** Renew this long before the token endpoint's expiry, so no request carries a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Keeps one OAuth2 access token until shortly before it expires. Concurrent callers share one
 * in-flight fetch, so a burst of payments asks the token endpoint once.
 */
export class BearerTokenCache {
  private cached: { value: string; renewAtMs: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<AccessToken>,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.nowMs() < this.cached.renewAtMs) return this.cached.value;
    this.inFlight ??= this.renew().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forget the token, e.g. after the provider answered 401 although it had not expired. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async renew(): Promise<string> {
    const fetchedAt = this.nowMs();
    const token = await this.fetchToken();
    const lifetimeMs = token.expiresInSeconds * 1000;
    const margin = Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2);
    this.cached = { value: token.value, renewAtMs: fetchedAt + lifetimeMs - margin };
    return token.value;
  }
}
