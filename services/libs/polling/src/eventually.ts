import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions {
  /** How long to keep trying, in milliseconds. */
  readonly timeoutMs: number;
  /** Pause between two tries, in milliseconds. */
  readonly intervalMs?: number;
  /** Names the awaited condition in the timeout message. */
  readonly what: string;
}

/**
 * Calls `probe` until it returns a value other than undefined, or throws once the deadline has
 * passed, with the last error seen. The one way this project waits for something: no bare sleeps.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  options: EventuallyOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(
        `Timed out after ${options.timeoutMs} ms waiting for ${options.what}${reason}`,
      );
    }
    await delay(options.intervalMs ?? 250);
  }
}
