import type { CpuProfile } from './inspector-profile.js';

export interface ProfileSummary {
  /** Sampled milliseconds, and those the process was not idle. */
  readonly totalMs: number;
  readonly busyMs: number;
  /** Self time as a share of busy time, by package (or repository folder) and by function. */
  readonly byPackage: readonly (readonly [string, number])[];
  readonly byFunction: readonly (readonly [string, number])[];
}

/**
 * Bottom-up view of a profile: where the process spent its own time, by npm package (or folder
 * of this repository) and by function. Samples are wall-clock: on an oversubscribed machine a
 * process preempted inside a system call (a socket write) is counted there.
 */
export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  let totalMs = 0;
  let idleMs = 0;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)?.callFrame;
    totalMs += ms;
    if (!frame || frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const busyMs = totalMs - idleMs;
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => [name, ms / busyMs] as const);
  return { totalMs, busyMs, byPackage: ranked(byPackage), byFunction: ranked(byFunction) };
}

function shortUrl(url: string): string {
  return url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/\/.*?\/(services|tools|contracts)\//, '$1/');
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage?.[1]) return inPackage[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  return shortUrl(url).split('/').slice(0, 3).join('/');
}
