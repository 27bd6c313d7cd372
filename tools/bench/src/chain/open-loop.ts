/** What one request of the open-loop generator ended as. */
export interface Shot {
  readonly sentAt: number;
  /** HTTP status, or 0 when the request failed without one (timeout, reset). */
  readonly status: number;
  readonly latencyMs: number;
  readonly applicationId?: string;
}

/**
 * Fires `send` at a fixed rate for `seconds`, without waiting for answers (open loop: a slow hub
 * does not slow the generator down, as real portals do not wait for each other), and resolves
 * when every request has ended.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: () => Promise<Omit<Shot, 'sentAt' | 'latencyMs'>>,
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
    const began = performance.now();
    shots.push(
      send().then(
        (outcome) => ({ ...outcome, sentAt, latencyMs: performance.now() - began }),
        () => ({ status: 0, sentAt, latencyMs: performance.now() - began }),
      ),
    );
  }
  return Promise.all(shots);
}
