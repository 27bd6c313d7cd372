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
