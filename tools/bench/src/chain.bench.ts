import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  defaultLayout,
  hubProcessStatus,
  portOffset,
  runningEndpoints,
  status,
} from '@hub/platform';
import { watchMilestones, type Milestone } from './chain/milestone-watch.js';
import { openLoop, type Shot, type ShotOutcome } from './chain/open-loop.js';
import { postJson, uncappedAgent } from './chain/post-json.js';
import { localPostgresServerPid } from './chain/postgres-server.js';
import { cpuSecondsOfTree } from './chain/process-cpu.js';
import { sampleApplication } from './chain/sample-application.js';
import { summarize } from './measure.js';

const citizen = 'postbox-bench-0001';
const hubCli = fileURLToPath(new URL('../../hub-cli/src/main.ts', import.meta.url));

/**
 * `npm run bench -- chain [--rates 10,20,50] [--seconds 30] [--drain-seconds 60]
 * [--timeout-seconds 30]`: the whole chain
 * as `npm start` runs it (start it first), driven by an open-loop generator at fixed rates through
 * the portal API. Per rate: what the gateway answered and how fast (refusals too), how many accepted
 * applications reached "delivered" (the XBau connector's event) and "completed" (every reply of the
 * authority read) and how fast, the accepted ones that never got there (lost), duplicate delivery
 * events, and each process's CPU as a share of one core. A request without an answer within the
 * timeout is counted as timed out and abandoned, as a portal would.
 */
export async function chainBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rates: { type: 'string', default: '10,20,50' },
      seconds: { type: 'string', default: '30' },
      'drain-seconds': { type: 'string', default: '60' },
      'timeout-seconds': { type: 'string', default: '30' },
    },
  });
  const layout = defaultLayout();
  const endpoints = runningEndpoints(layout);
  const processes = (await hubProcessStatus(layout)).filter((process) => process.running);
  if (!endpoints || !processes.some((process) => process.name === 'portal-gateway'))
    throw new TypeError(
      'the chain benchmark measures a running hub: start it with `npm start` first',
    );
  const gatewayUrl = process.env.GATEWAY_URL ?? `http://127.0.0.1:${8080 + portOffset()}`;
  const token = execFileSync(
    process.execPath,
    ['--import', 'tsx', hubCli, 'dev-token', '--citizen', citizen, '--minutes', '55'],
    { encoding: 'utf8' },
  ).trim();
  // The local PostgreSQL server is not the platform's process, but every ledger call costs it CPU.
  const postgres = await localPostgresServerPid(endpoints.DATABASE_URL);
  const measured = [
    ...processes.map(({ name, pid }) => ({ name, pid })),
    ...(await status(layout)).flatMap(({ name, pid }) =>
      pid === undefined ? [] : [{ name, pid }],
    ),
    ...(postgres === undefined ? [] : [{ name: 'postgresql', pid: postgres }]),
  ];

  const milestones = await watchMilestones(endpoints.KAFKA_BROKERS, endpoints.SCHEMA_REGISTRY_URL);
  const deadline = Date.now() + 60_000;
  while (!milestones.isAssigned() && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));

  const agent = uncappedAgent();
  const applications = new URL(`${gatewayUrl}/v1/applications`);
  const timeoutMs = Number(values['timeout-seconds']) * 1000;
  const submit = async (): Promise<ShotOutcome> => {
    const outcome = await postJson(
      agent,
      applications,
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify(sampleApplication(citizen)),
      timeoutMs,
    );
    if ('failure' in outcome) return outcome;
    const { applicationId } = (outcome.body ?? {}) as { applicationId?: string };
    return { status: outcome.status, ...(applicationId ? { applicationId } : {}) };
  };

  try {
    for (const rate of values.rates.split(',').map(Number)) {
      const cpuBefore = measured.map(({ pid }) => cpuSecondsOfTree(pid));
      const started = Date.now();
      const shots = await openLoop(rate, Number(values.seconds), submit);
      const accepted = shots.filter((shot) => shot.status === 202 && shot.applicationId);
      const drainUntil = Date.now() + Number(values['drain-seconds']) * 1000;
      while (
        accepted.some((shot) => !milestones.completed.firstSeen.has(shot.applicationId ?? '')) &&
        Date.now() < drainUntil
      )
        await new Promise((resolve) => setTimeout(resolve, 250));
      const ended = Date.now();
      const windowSeconds = (ended - started) / 1000;
      printRate(rate, shots, accepted);
      printMilestone('delivered', accepted, milestones.delivered, started);
      printMilestone('completed', accepted, milestones.completed, started);
      const duplicates = accepted.filter(
        (shot) => (milestones.delivered.seen.get(shot.applicationId ?? '') ?? 0) > 1,
      );
      console.log(`  duplicate delivery events       ${duplicates.length}`);
      console.log('  CPU, share of one core over the run and its drain:');
      let total = 0;
      measured.forEach(({ name, pid }, index) => {
        const used = cpuSecondsOfTree(pid) - (cpuBefore[index] ?? 0);
        total += used;
        console.log(
          `    ${name.padEnd(22)} ${((100 * used) / windowSeconds).toFixed(0).padStart(4)} %`,
        );
      });
      console.log(
        `    ${'all of them'.padEnd(22)} ${((100 * total) / windowSeconds).toFixed(0).padStart(4)} %` +
          ` (${((1000 * total) / Math.max(accepted.length, 1)).toFixed(0)} ms CPU per accepted application, idle work included)`,
      );
      console.log();
    }
  } finally {
    agent.destroy();
    await milestones.stop();
  }
}

function printRate(rate: number, shots: readonly Shot[], accepted: readonly Shot[]): void {
  const byStatus = new Map<number, number>();
  for (const shot of shots) byStatus.set(shot.status, (byStatus.get(shot.status) ?? 0) + 1);
  const failures = (failure: Shot['failure']) =>
    shots.filter((shot) => shot.failure === failure).length;
  const answers = [...byStatus.entries()]
    .map(([code, count]) =>
      code === 0
        ? `no answer: ${count} (${failures('timeout')} timed out, ${failures('connection')} connection errors)`
        : `${code}: ${count}`,
    )
    .join(', ');
  console.log(`## ${rate} applications/s offered, ${shots.length} sent`);
  console.log(`  answers                         ${answers}`);
  console.log(
    `  202 latency p50 / p99 / max     ${percentiles(accepted.map((shot) => shot.latencyMs))}`,
  );
  // Overload is refused, not queued: the refusal itself must be fast (issue 17, goal 5).
  const refused = shots.filter((shot) => shot.status === 503);
  if (refused.length > 0)
    console.log(
      `  503 latency p50 / p99 / max     ${percentiles(refused.map((shot) => shot.latencyMs))}`,
    );
  // The generator's own lateness is inside every latency above: large here, and it is the client.
  console.log(
    `  generator send lag p50/p99/max  ${percentiles(shots.map((shot) => shot.sendLagMs))}`,
  );
}

/** How many accepted applications reached `name`, at what rate, and how long after their 202. */
function printMilestone(
  name: string,
  accepted: readonly Shot[],
  milestone: Milestone,
  started: number,
): void {
  const at = (shot: Shot) => milestone.firstSeen.get(shot.applicationId ?? '');
  const reached = accepted.filter((shot) => at(shot) !== undefined);
  const last = Math.max(...reached.map((shot) => at(shot) ?? 0));
  const rate = reached.length > 0 ? (reached.length / ((last - started) / 1000)).toFixed(1) : '0';
  const label = (text: string) => `  ${text.padEnd(32)}`;
  console.log(
    `${label(name)}${reached.length} of ${accepted.length} accepted (${accepted.length - reached.length} not ${name} by the end of the drain)`,
  );
  console.log(`${label(`${name} per second`)}${rate}`);
  console.log(
    `${label(`202 → ${name} p50 / p99 / max`)}${percentiles(reached.map((shot) => (at(shot) ?? 0) - (shot.sentAt + shot.latencyMs)))}`,
  );
}

function percentiles(values: number[]): string {
  const { p50, p99, max } = summarize(values);
  return `${p50.toFixed(0)} / ${p99.toFixed(0)} / ${max.toFixed(0)} ms`;
}
