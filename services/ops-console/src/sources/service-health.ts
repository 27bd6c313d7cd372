/** What one service or simulator answered on its readiness URL. */
export interface HealthReport {
  readonly name: string;
  readonly url: string;
  readonly state: 'bereit' | 'nicht bereit' | 'nicht erreichbar';
  readonly httpStatus: number | undefined;
  /** The dependency checks it named (e.g. kafka: up), if its answer was JSON with `checks`. */
  readonly checks: Record<string, string>;
}

/** Asks every target at once, each with its own deadline, so one hanging service delays nothing else. */
export async function serviceHealth(
  targets: Record<string, string>,
  timeoutMs = 2_000,
): Promise<HealthReport[]> {
  return Promise.all(
    Object.entries(targets)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([name, url]): Promise<HealthReport> => {
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
          const body = (await response.json().catch(() => ({}))) as { checks?: unknown };
          return {
            name,
            url,
            state: response.ok ? 'bereit' : 'nicht bereit',
            httpStatus: response.status,
            checks: checksOf(body.checks),
          };
        } catch {
          return { name, url, state: 'nicht erreichbar', httpStatus: undefined, checks: {} };
        }
      }),
  );
}

function checksOf(checks: unknown): Record<string, string> {
  if (typeof checks !== 'object' || checks === null) return {};
  return Object.fromEntries(Object.entries(checks).map(([name, value]) => [name, String(value)]));
}
