import { afterAll, describe, expect, it } from 'vitest';
import { collectFrom, eventually, localThreeNodeCluster, testKafka } from '@hub/test-support';
import { buildingPermitApplication, hubForThisFile, type HubUnderTest } from './hub-under-test.js';

/**
 * The fault suite of the whole chain (`npm run chaos -- test/e2e`): applications at a steady rate
 * through the portal API (gateway → case router → XBau connector → XTA simulator, whose replies
 * complete each case), two processes of the router and each connector, one fault per scenario,
 * and what came out: accepted, delivered to the authority (and how often), completed on the
 * citizen's timeline, dead-lettered anywhere in this hub. Köln's route: XBau 2.5, no fee. The
 * services share a PostgreSQL server of the suite's own, so that it can be restarted.
 */
const ratePerSecond = Number(process.env.CHAOS_RATE_PER_SECOND ?? 2);
const table: Record<string, string | number>[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fault {
  readonly name: string;
  readonly loadSeconds: number;
  readonly atSecond: number;
  /** Injects the fault; resolves when it is over. */
  inject(hub: HubUnderTest): Promise<void>;
}

/**
 * Dead letters about these applications in this hub's dead-letter topics (`dlq.<service
 * name>.<handler>`, keyed by application id). Other suites' hubs on the same platform publish to
 * the same event topics, and their events are dead letters here (a status of a case this router
 * never saw): they are not the fault's doing, so only our keys count.
 */
async function deadLettered(hub: HubUnderTest, applications: ReadonlySet<string>): Promise<number> {
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const prefixes = Object.values(hub.services).map((name) => `dlq.${name}.`);
    const topics = (await admin.listTopics()).filter((topic) =>
      prefixes.some((prefix) => topic.startsWith(prefix)),
    );
    let ours = 0;
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const records = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
      if (records === 0) continue;
      const { received } = await collectFrom(kafka, topic);
      await eventually(() => (received.length >= records ? true : undefined), {
        timeoutMs: 30_000,
        what: `the ${records} records of ${topic}`,
      });
      ours += received.filter(({ message }) =>
        applications.has(message.key?.toString() ?? ''),
      ).length;
    }
    return ours;
  } finally {
    await admin.disconnect();
  }
}

async function runScenario(hub: HubUnderTest, fault: Fault): Promise<void> {
  const accepted = new Map<string, number>();
  const completed = new Map<string, number>();
  let refused = 0;
  const submit = async () => {
    const { response } = await hub.submit(buildingPermitApplication('05315000'));
    if (response.status !== 202) {
      refused += 1;
      await response.body?.cancel();
      return;
    }
    const { applicationId } = (await response.json()) as { applicationId: string };
    accepted.set(applicationId, Date.now());
  };
  const load = (async () => {
    const submissions: Promise<void>[] = [];
    for (let second = 0; second < fault.loadSeconds; second++) {
      for (let index = 0; index < ratePerSecond; index++) submissions.push(submit());
      await sleep(1_000);
    }
    await Promise.all(submissions);
  })();
  await sleep(fault.atSecond * 1_000);
  const faultStart = Date.now();
  await fault.inject(hub);
  const faultEnd = Date.now();
  await load;
  // Each open case is looked at every 2 s: completion times are known to within that.
  const deadline = Date.now() + 300_000;
  while (completed.size < accepted.size && Date.now() < deadline) {
    const open = [...accepted.keys()].filter((id) => !completed.has(id));
    await Promise.all(
      open.map(async (id) => {
        if ((await hub.view(id)).state === 'COMPLETED') completed.set(id, Date.now());
      }),
    );
    await sleep(2_000);
  }

  const ours = [...accepted.keys()];
  const deliveries = (id: string) => hub.xta.deliveriesByApplication.get(id) ?? 0;
  const heldUp = ours.filter(
    (id) => (accepted.get(id) ?? 0) < faultEnd && (completed.get(id) ?? Infinity) > faultEnd,
  );
  const lastHeldUp = Math.max(faultEnd, ...heldUp.map((id) => completed.get(id) ?? Infinity));
  const deadLetters = await deadLettered(hub, new Set(ours));
  table.push({
    scenario: fault.name,
    'fault s': ((faultEnd - faultStart) / 1_000).toFixed(1),
    accepted: ours.length,
    'refused (503)': refused,
    delivered: ours.filter((id) => deliveries(id) > 0).length,
    'sent twice to XTA': ours.filter((id) => deliveries(id) > 1).length,
    completed: completed.size,
    'dead-lettered': deadLetters,
    'recover s': ((lastHeldUp - faultEnd) / 1_000).toFixed(1),
    'held up by the fault': heldUp.length,
  });
  expect(ours.filter((id) => !completed.has(id))).toEqual([]);
  expect(ours.filter((id) => deliveries(id) !== 1)).toEqual([]);
  expect(deadLetters).toBe(0);
}

/** Kills one random process of each of these services and starts another in its place. */
async function crashOneOfEach(hub: HubUnderTest, services: readonly string[]): Promise<void> {
  for (const service of services) {
    const candidates = hub
      .processes()
      .flatMap((process, index) => (process.name === service ? [index] : []));
    const victim = candidates[Math.floor(Math.random() * candidates.length)];
    if (victim !== undefined) await hub.crash(victim);
  }
}

describe('fault suite: the whole chain under steady load, two processes per service', () => {
  const hub = hubForThisFile({ instances: 2, privateDatabase: true });
  afterAll(() => {
    console.log(`\nsteady load ${ratePerSecond} applications/s through the portal API`);
    console.table(table);
  });

  it('XTA endpoint down (30 s: 10 min time-compressed)', async () => {
    await runScenario(hub(), {
      name: 'XTA down 30 s',
      loadSeconds: 50,
      atSecond: 10,
      async inject({ xta }) {
        const downMs = 30_000;
        xta.setFaults({ downtime: [{ from: Date.now(), to: Date.now() + downMs }] });
        await sleep(downMs);
        xta.setFaults({});
      },
    });
  }, 600_000);

  it('SIGKILL of a random process of the router and of each connector, twice', async () => {
    await runScenario(hub(), {
      name: 'SIGKILL ×2 of router, XBau and payment connector',
      loadSeconds: 40,
      atSecond: 10,
      async inject(running) {
        const services = ['case-router', 'xbau-connector', 'payment-connector'];
        await crashOneOfEach(running, services);
        await sleep(10_000);
        await crashOneOfEach(running, services);
      },
    });
  }, 600_000);

  it('PostgreSQL stopped for 10 s (fast shutdown, connections cut) and started again', async () => {
    await runScenario(hub(), {
      name: 'PostgreSQL down 10 s, restarted',
      loadSeconds: 40,
      atSecond: 10,
      async inject({ database }) {
        if (!database) throw new TypeError('the hub runs on the shared database');
        await database.stop();
        await sleep(10_000);
        await database.start();
      },
    });
  }, 600_000);

  // Only on a three-node stack: `npm run platform -- up --nodes 3` (see docs/reliability.md).
  it('one of three brokers stopped for 20 s and started again', async (context) => {
    const cluster = await localThreeNodeCluster();
    if (!cluster) {
      context.skip('the run is not on a local three-node stack');
      return;
    }
    await runScenario(hub(), {
      name: `broker ${cluster.victim} stopped 20 s, restarted`,
      loadSeconds: 50,
      atSecond: 10,
      async inject() {
        await cluster.stopBroker(cluster.victim);
        await sleep(20_000);
        await cluster.startBrokers();
      },
    });
  }, 600_000);
});
