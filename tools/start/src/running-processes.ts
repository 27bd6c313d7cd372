import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { answersReady, type HubProcess } from '@hub/platform';
import type { LocalProcess } from './local-processes.js';

const readyTimeoutMs = 180_000;
const stopGraceMs = 20_000;

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals a child's whole process group (tsx runs the service in a node child of its own). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** The simulators and services `npm start` runs, each in a process group of its own. */
export class RunningProcesses {
  private readonly children: { local: LocalProcess; child: ChildProcess }[] = [];

  constructor() {
    // Whatever ends this process, no group is left behind.
    process.once('exit', () => {
      for (const { child } of this.children) if (!hasExited(child)) signalGroup(child, 'SIGKILL');
    });
  }

  add(local: LocalProcess, child: ChildProcess): void {
    this.children.push({ local, child });
  }

  /** What `platform status` shows of them. */
  get processes(): HubProcess[] {
    return this.children.map(({ local, child }) => ({
      name: local.name,
      pid: child.pid ?? -1,
      readyUrl: local.readyUrl,
    }));
  }

  /**
   * Resolves when every process answers ready (calling `onReady` for each as it does), or with
   * the reason why one never will: it exited, or it did not answer within three minutes.
   */
  async untilAllReady(
    onReady: (local: LocalProcess, seconds: number) => void,
  ): Promise<string | undefined> {
    const started = Date.now();
    const failures = await Promise.all(
      this.children.map(async ({ local, child }) => {
        while (Date.now() - started < readyTimeoutMs) {
          if (hasExited(child))
            return `${local.name} exited during start-up (see its log lines above)`;
          if (await answersReady(local.readyUrl)) {
            onReady(local, Math.round((Date.now() - started) / 1000));
            return undefined;
          }
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        return `${local.name} did not answer ready at ${local.readyUrl} within ${readyTimeoutMs / 1000} s`;
      }),
    );
    return failures.find((failure) => failure !== undefined);
  }

  /** SIGTERM to every group, SIGKILL to those still running after the grace period. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.map(async ({ child }) => {
        if (hasExited(child)) return;
        const exited = once(child, 'exit');
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => {
          signalGroup(child, 'SIGKILL');
        }, stopGraceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
