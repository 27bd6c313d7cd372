import { performance } from 'node:perf_hooks';

/**
 * True while the event loop was busy for at least `threshold` (0..1) of the last window of at
 * least `windowMs`: the process has more work than CPU, whether its own or because the machine's
 * cores are taken by others. Sampled when asked, so an idle gateway runs no timer for it; a window
 * longer than `staleMs` (nobody asked for a while, e.g. since start-up) says nothing about now.
 * A threshold of 1 switches the signal off.
 */
export function eventLoopSaturation(
  threshold: number,
  windowMs = 100,
  staleMs = 1_000,
): () => boolean {
  if (threshold >= 1) return () => false;
  let mark = performance.eventLoopUtilization();
  let saturated = false;
  return () => {
    const now = performance.eventLoopUtilization();
    const window = performance.eventLoopUtilization(now, mark);
    const length = window.idle + window.active;
    if (length >= windowMs) {
      saturated = length <= staleMs && window.utilization >= threshold;
      mark = now;
    }
    return saturated;
  };
}
