import { AsyncLocalStorage } from 'node:async_hooks';
import { CircuitBreaker, defaultBreakerSettings, type BreakerSettings } from './circuit-breaker.js';

/**
 * The breakers of this process, one per outbound endpoint (e.g. `xta.example:443`), shared by
 * every handler and poller that calls it: an endpoint is either reachable or not, whoever asks.
 */
export class OutboundBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private settings: BreakerSettings = defaultBreakerSettings;

  /** Applies to breakers created from now on (call it before the first outbound call). */
  configure(settings: Partial<BreakerSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  of(endpoint: string): CircuitBreaker {
    let breaker = this.breakers.get(endpoint);
    if (!breaker) {
      breaker = new CircuitBreaker(endpoint, this.settings);
      this.breakers.set(endpoint, breaker);
    }
    return breaker;
  }

  all(): CircuitBreaker[] {
    return [...this.breakers.values()];
  }
}

export const outboundBreakers = new OutboundBreakers();

/** What one handler attempt learnt about the endpoints it called. */
export interface AttemptScope {
  /** The endpoint whose call failed retryably last in this attempt (the likely cause). */
  failedOn?: CircuitBreaker;
}

const attemptScope = new AsyncLocalStorage<AttemptScope>();

/** Runs one handler attempt so that outbound calls inside it can report which endpoint failed. */
export function inAttemptScope<T>(scope: AttemptScope, task: () => Promise<T>): Promise<T> {
  return attemptScope.run(scope, task);
}

export function noteOutboundFailure(breaker: CircuitBreaker): void {
  const scope = attemptScope.getStore();
  if (scope) scope.failedOn = breaker;
}

export function noteOutboundSuccess(breaker: CircuitBreaker): void {
  const scope = attemptScope.getStore();
  if (scope?.failedOn === breaker) delete scope.failedOn;
}
