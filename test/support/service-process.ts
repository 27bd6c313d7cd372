import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { eventually } from '@hub/polling';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = fileURLToPath(import.meta.resolve('tsx/cli'));

export interface ServiceProcess {
  readonly name: string;
  /** Every JSON log line the service wrote so far, parsed. */
  readonly logs: Record<string, unknown>[];
  stop(): Promise<void>;
  /** Kills the process without warning (SIGKILL), as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** Starts another process of the same service with the same environment. */
  startAgain(): Promise<ServiceProcess>;
}

/**
 * Runs `services/<name>/src/main.ts` as its own process, the way `npm start` does, and resolves
 * once it has logged a line whose `msg` matches `ready`. Black-box: tests see only its I/O.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, [tsxCli, `services/${name}/src/main.ts`], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const output: string[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a JSON log line (e.g. a library's banner); kept in `output` for the error message
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await eventually(
      () => {
        if (child.exitCode !== null)
          throw new TypeError(
            `${name} exited with ${child.exitCode}:\n${output.slice(-20).join('\n')}`,
          );
        return logs.some((entry) => typeof entry.msg === 'string' && ready.test(entry.msg))
          ? true
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `${name} to log ${String(ready)}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  return { name, logs, stop, kill, startAgain: () => startServiceProcess(name, env, ready) };
}
