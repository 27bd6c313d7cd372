import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A long-running process of the stack: its pid file, its log and the tag on its command line. */
export interface ManagedProcess {
  readonly name: string;
  readonly runDir: string;
  readonly logDir: string;
  /** Appears on the process's command line; a pid whose command line lacks it is not ours. */
  readonly tag: string;
}

export function pidFile(proc: ManagedProcess): string {
  return join(proc.runDir, `${proc.name}.pid`);
}

export function logFile(proc: ManagedProcess): string {
  return join(proc.logDir, `${proc.name}.log`);
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** The pid of the running process, or undefined; a stale pid file is removed on the way. */
export function runningPid(proc: ManagedProcess): number | undefined {
  const file = pidFile(proc);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && commandLineOf(pid)?.includes(proc.tag)) return pid;
  rmSync(file, { force: true });
  return undefined;
}

/** Starts `command` detached from this process, output appended to its log, and records its pid. */
export function startDetached(
  proc: ManagedProcess,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): number {
  mkdirSync(proc.runDir, { recursive: true });
  mkdirSync(proc.logDir, { recursive: true });
  const log = openSync(logFile(proc), 'a');
  try {
    const child = spawn(command, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...env },
    });
    if (child.pid === undefined) throw new Error(`Could not start ${proc.name} (${command}).`);
    child.unref();
    writeFileSync(pidFile(proc), String(child.pid));
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Whether a process with `pid` exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopProcess(proc: ManagedProcess, graceMs = 20_000): Promise<boolean> {
  const pid = runningPid(proc);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await delay(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await delay(50);
  rmSync(pidFile(proc), { force: true });
  return true;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isPortListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}
