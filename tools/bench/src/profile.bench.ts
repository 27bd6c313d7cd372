import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultLayout, hubProcessStatus } from '@hub/platform';
import { workingProcessOf } from './chain/process-cpu.js';
import { recordCpuProfile } from './profile/inspector-profile.js';
import { summarizeProfile } from './profile/profile-summary.js';

/**
 * `npm run bench -- profile <service> [--seconds 20] [--out file.cpuprofile]`: a CPU profile of
 * one process of the running hub (`npm start`), e.g. while `npm run bench -- chain` drives it.
 * Prints where the process spent its time by package and by function, and writes the whole
 * profile for Chrome DevTools (Performance → Load profile) or speedscope.
 */
export async function profileBenchmark(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seconds: { type: 'string', default: '20' }, out: { type: 'string' } },
  });
  const [service] = positionals;
  const running = (await hubProcessStatus(defaultLayout())).filter((process) => process.running);
  const target = running.find((process) => process.name === service);
  if (!target)
    throw new TypeError(
      `no running process ${service ?? '(none given)'}; running: ${running.map((process) => process.name).join(', ')}`,
    );
  const profile = await recordCpuProfile(workingProcessOf(target.pid), Number(values.seconds));
  const out =
    values.out ?? `${service}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
  writeFileSync(out, JSON.stringify(profile));
  const summary = summarizeProfile(profile);
  const percent = (share: number) => `${(100 * share).toFixed(1).padStart(5)} %`;
  console.log(
    `## ${service}: ${(summary.busyMs / 1000).toFixed(1)} s busy of ${(summary.totalMs / 1000).toFixed(1)} s (${percent(summary.busyMs / summary.totalMs)}); profile in ${out}`,
  );
  console.log('\nself time by package');
  for (const [name, share] of summary.byPackage) console.log(`  ${percent(share)}  ${name}`);
  console.log('\nself time by function');
  for (const [name, share] of summary.byFunction) console.log(`  ${percent(share)}  ${name}`);
}
