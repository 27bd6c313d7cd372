import { readFileSync } from 'node:fs';

const clockTicksPerSecond = 100;

/** CPU seconds (user + system) a process and all its descendants have used so far (Linux /proc). */
export function cpuSecondsOfTree(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
    return own + childrenOf(pid).reduce((sum, child) => sum + cpuSecondsOfTree(child), 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * The process that does the work behind a launcher: `npm start` records tsx's pid, and tsx runs
 * the service in a child. Follows the first child down to a process without children.
 */
export function workingProcessOf(pid: number): number {
  const [child] = childrenOf(pid);
  return child === undefined ? pid : workingProcessOf(child);
}
