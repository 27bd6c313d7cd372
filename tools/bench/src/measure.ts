/** Summary of a series of latency samples, in milliseconds. */
export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Runs `work` `iterations` times after a warm-up and returns operations per second. */
export function opsPerSecond(iterations: number, work: (i: number) => void): number {
  for (let i = 0; i < Math.min(1_000, iterations); i++) work(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) work(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return iterations / seconds;
}
