export type CircuitState = 'closed' | 'open' | 'half-open';

export interface BreakerSettings {
  /** Retryable failures in a row (no success between) that open the circuit. */
  readonly failureThreshold: number;
  /**
   * Wait before the first probe after the circuit opened; doubled after each failed probe up to
   * the maximum, which bounds how long a recovered endpoint waits for its backlog to start
   * draining (one probe per instance and endpoint every few seconds costs the endpoint nothing).
   */
  readonly initialProbeDelayMs: number;
  readonly maxProbeDelayMs: number;
}

export const defaultBreakerSettings: BreakerSettings = {
  failureThreshold: 3,
  initialProbeDelayMs: 1_000,
  maxProbeDelayMs: 5_000,
};

/** A waiter's permission to try again; `end` hands the probe on if the try did not use it. */
export interface Turn {
  end(): void;
}

const noTurn: Turn = { end: () => undefined };

/**
 * The circuit of one outbound endpoint. Closed: every call goes out. Open: none does, until the
 * probe delay has passed. Half-open: exactly one call (the probe) goes out; its success closes the
 * circuit and wakes every waiter at once (the drain), its failure opens it for twice as long.
 * Waiters get the probe one at a time, so a waiter whose retry never reaches the endpoint (its
 * effect was already done) cannot leave the circuit half-open with nobody probing.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failuresInARow = 0;
  private failedProbes = 0;
  private probeInFlight = false;
  private turn: Turn | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly waiters: Array<(turn: Turn) => void> = [];

  constructor(
    readonly endpoint: string,
    private readonly settings: BreakerSettings = defaultBreakerSettings,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may go out now; in half-open state the caller becomes the probe. */
  admit(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open' || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failuresInARow = 0;
    if (this.current === 'closed') return;
    clearTimeout(this.probeTimer);
    this.failedProbes = 0;
    this.probeInFlight = false;
    this.turn = undefined;
    this.current = 'closed';
    for (const wake of this.waiters.splice(0)) wake(noTurn);
  }

  failed(): void {
    this.failuresInARow++;
    if (this.current === 'half-open') {
      this.failedProbes++;
      this.open();
    } else if (this.current === 'closed' && this.failuresInARow >= this.settings.failureThreshold) {
      this.open();
    }
  }

  /**
   * Resolves when a retry may go out: at once while closed, else when this waiter's turn to probe
   * comes or the circuit closes. Resolves undefined if `signal` aborts first.
   */
  waitForTurn(signal: AbortSignal): Promise<Turn | undefined> {
    if (this.current === 'closed') return Promise.resolve(noTurn);
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(wake);
        if (index >= 0) this.waiters.splice(index, 1);
        resolve(undefined);
      };
      const wake = (turn: Turn): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(turn);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(wake);
      this.handOnTurn();
    });
  }

  get waiting(): number {
    return this.waiters.length;
  }

  private open(): void {
    this.probeInFlight = false;
    this.turn = undefined;
    this.current = 'open';
    clearTimeout(this.probeTimer);
    const { initialProbeDelayMs, maxProbeDelayMs } = this.settings;
    const delay = Math.min(maxProbeDelayMs, initialProbeDelayMs * 2 ** this.failedProbes);
    this.probeTimer = setTimeout(() => {
      this.current = 'half-open';
      this.handOnTurn();
    }, delay);
    this.probeTimer.unref();
  }

  private handOnTurn(): void {
    if (this.current !== 'half-open' || this.probeInFlight || this.turn) return;
    const wake = this.waiters.shift();
    if (!wake) return;
    const turn: Turn = {
      end: () => {
        // A turn from before the circuit reopened must not end the turn of a later waiter.
        if (this.turn !== turn) return;
        this.turn = undefined;
        this.handOnTurn();
      },
    };
    this.turn = turn;
    wake(turn);
  }
}
