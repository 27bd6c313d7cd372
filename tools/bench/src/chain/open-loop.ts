/** What one request of the open-loop generator ended as. */
export interface Shot {
  readonly sentAt: number;
  /** HTTP status, or 0 when the request got no answer (see `failure`). */
  readonly status: number;
  readonly failure?: 'timeout' | 'connection';
  /** From the moment the request was due, so a late generator cannot hide latency. */
  readonly latencyMs: number;
  /** How late the generator itself sent it: its own share of `latencyMs`. */
  readonly sendLagMs: number;
  readonly applicationId?: string;
}

export type ShotOutcome = Omit<Shot, 'sentAt' | 'latencyMs' | 'sendLagMs'>;

/**
 * Fires `send` at a fixed rate for `seconds`, without waiting for answers (open loop: a slow hub
 * does not slow the generator down, as real portals do not wait for each other), and resolves
 * when every request has ended. Latency counts from when a request was due, not from when the
 * generator got round to sending it (no coordinated omission); the lag is reported beside it.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: () => Promise<ShotOutcome>,
): Promise<Shot[]> {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const shots: Promise<Shot>[] = [];
  for (let i = 0; i < total; i++) {
    // Sleep until this request's slot; schedule against the start, so delays never accumulate.
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = Date.now();
    const sendLagMs = Math.max(0, performance.now() - due);
    shots.push(
      send().then(
        (outcome) => ({ ...outcome, sentAt, sendLagMs, latencyMs: performance.now() - due }),
        () => ({
          status: 0,
          failure: 'connection' as const,
          sentAt,
          sendLagMs,
          latencyMs: performance.now() - due,
        }),
      ),
    );
  }
  return Promise.all(shots);
}
