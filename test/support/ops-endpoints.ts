import { eventually } from '@hub/polling';

/** The status of `/health/ready` on a service's ops port. */
export async function readyStatus(opsPort: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${String(opsPort)}/health/ready`);
  return response.status;
}

/** Waits until `/health/ready` answers `status` (503 once a dependency is gone). */
export function readinessBecomes(
  opsPort: number,
  status: number,
  timeoutMs = 15_000,
): Promise<true> {
  return eventually(async () => ((await readyStatus(opsPort)) === status ? true : undefined), {
    timeoutMs,
    what: `/health/ready on ${String(opsPort)} answering ${String(status)}`,
  });
}

/** `/metrics` of a service's ops port as Prometheus text (throws unless 200). */
export async function metricsText(opsPort: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${String(opsPort)}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${String(response.status)}`);
  return response.text();
}

/** `/health/ready` of a service: its status and each dependency's state. */
export async function readiness(
  opsPort: number,
): Promise<{ status: number; checks: Record<string, 'up' | 'down'> }> {
  const response = await fetch(`http://127.0.0.1:${String(opsPort)}/health/ready`);
  const body = (await response.json()) as { checks: Record<string, 'up' | 'down'> };
  return { status: response.status, checks: body.checks };
}

/** Waits until `/health/ready` answers 503 naming `dependency` as down; returns every check. */
export function notReadyWithout(
  opsPort: number,
  dependency: string,
  timeoutMs = 15_000,
): Promise<Record<string, 'up' | 'down'>> {
  return eventually(
    async () => {
      const { status, checks } = await readiness(opsPort);
      return status === 503 && checks[dependency] === 'down' ? checks : undefined;
    },
    { timeoutMs, what: `/health/ready on ${String(opsPort)} to be 503 without ${dependency}` },
  );
}

/** Waits until `/health/ready` is 200, then returns the names of the dependencies it asked. */
export async function readyWith(opsPort: number): Promise<string[]> {
  await readinessBecomes(opsPort, 200);
  const { status, checks } = await readiness(opsPort);
  if (status !== 200) throw new Error(`/health/ready answered ${String(status)} again`);
  return Object.entries(checks)
    .filter(([, state]) => state === 'up')
    .map(([name]) => name)
    .sort();
}
