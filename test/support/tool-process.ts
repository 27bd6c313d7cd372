import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { eventually } from '@hub/polling';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = fileURLToPath(import.meta.resolve('tsx/cli'));

export interface ToolProcess {
  /** The groups of the first stdout line that matched `ready` (e.g. the URL it listens on). */
  readonly ready: readonly string[];
  stop(): Promise<void>;
}

/**
 * Runs a simulator of `tools/` (`entry`, relative to the repository root) as its own process, as
 * `npm start` does: a service's tests may not import a tool, but may talk to it over the wire.
 * Resolves once a stdout line matches `ready`.
 */
export async function startToolProcess(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<ToolProcess> {
  const child = spawn(process.execPath, [tsxCli, entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const match = await eventually(
      () => {
        if (child.exitCode !== null) throw new TypeError(`${entry} exited with ${child.exitCode}`);
        return ready.exec(output) ?? undefined;
      },
      // tsx compiles the tool first: slow on a busy machine.
      { timeoutMs: 90_000, intervalMs: 100, what: `${entry} to print ${String(ready)}` },
    );
    return { ready: match.slice(1), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
