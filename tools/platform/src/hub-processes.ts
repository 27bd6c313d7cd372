import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackLayout } from './layout.js';
import { isAlive } from './processes.js';

/** A simulator or service that `npm start` runs beside the platform. */
export interface HubProcess {
  readonly name: string;
  readonly pid: number;
  /** Answers 200 once the process can do its work. */
  readonly readyUrl: string;
}

export interface HubProcessStatus extends HubProcess {
  readonly running: boolean;
  readonly ready: boolean;
}

/** `npm start` records its processes here, so `platform status` can show the whole hub. */
const processesFile = (layout: StackLayout) => join(layout.home, 'hub-processes.json');

export function recordHubProcesses(layout: StackLayout, processes: readonly HubProcess[]): void {
  writeFileSync(processesFile(layout), JSON.stringify(processes, null, 2));
}

export function forgetHubProcesses(layout: StackLayout): void {
  rmSync(processesFile(layout), { force: true });
}

/** Whether `url` answers 2xx within two seconds. */
export async function answersReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** The processes `npm start` recorded, each with whether it runs and answers ready now. */
export async function hubProcessStatus(layout: StackLayout): Promise<HubProcessStatus[]> {
  if (!existsSync(processesFile(layout))) return [];
  const recorded = JSON.parse(readFileSync(processesFile(layout), 'utf8')) as HubProcess[];
  return Promise.all(
    recorded.map(async (hubProcess) => {
      const running = isAlive(hubProcess.pid);
      return {
        ...hubProcess,
        running,
        ready: running && (await answersReady(hubProcess.readyUrl)),
      };
    }),
  );
}
