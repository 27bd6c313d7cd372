import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { outboundId } from '@hub/kit';
import {
  collectFrom,
  localThreeNodeCluster,
  platform,
  startServiceProcess,
  testKafka,
  type ServiceProcess,
} from '@hub/test-support';
import { prepareDeliveries } from './connector-config.js';
import { deliveryRequest, sendDeliveryRequests } from './delivery-requests.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

/**
 * The fault suite of the XBau leg (`npm run chaos`): a steady load of delivery requests through
 * two connector processes (one consumer group, one lease) against the XTA simulator, one fault
 * injected per scenario, and what came out at the simulator, the dead-letter topic and the clock.
 */
/** Applications per second; `CHAOS_RATE_PER_SECOND` overrides (e.g. to compare drain and load). */
const ratePerSecond = Number(process.env.CHAOS_RATE_PER_SECOND ?? 5);
const kafka = testKafka();
const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
const table: Record<string, string | number>[] = [];

interface Fault {
  readonly name: string;
  readonly loadSeconds: number;
  /** Starts the fault `atSecond` into the load; resolves when it is over. */
  readonly atSecond: number;
  inject(box: SimulatorProcess, instances: ServiceProcess[], restart: Restart): Promise<void>;
}

type Restart = (index: number) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startInstance(service: string, xtaUrl: string): Promise<ServiceProcess> {
  const endpoints = platform();
  return startServiceProcess(
    'xbau-connector',
    {
      SERVICE_NAME: service,
      KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
      SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
      DATABASE_URL: endpoints.DATABASE_URL,
      XTA_ENDPOINT_URL: xtaUrl,
      HTTP_PORT: '0',
      OPS_PORT: '0',
      TRACE_EXPORTER: 'none',
      TRANSPORT_REPORT_POLL_INTERVAL_MS: '50',
      REPLY_POLL_INTERVAL_MS: '1000',
    },
    /started/,
  );
}

async function runScenario(fault: Fault): Promise<void> {
  const service = `chaos-xbau-${randomUUID().slice(0, 8)}`;
  await prepareDeliveries(kafka, service);
  const box = await startSimulatorProcess();
  const instances: ServiceProcess[] = [];
  const restart: Restart = async (index) => {
    instances[index] = await startInstance(service, box.url);
  };
  const sent = new Map<string, { applicationId: string; at: number }>();
  const firstSeen = new Map<string, number>();
  const watching = new AbortController();
  let watcher: Promise<void> = Promise.resolve();
  try {
    // One after the other, inside the try: whatever started is stopped even if a start fails.
    for (const index of [0, 1]) await restart(index);
    const deadLetters = await collectFrom(kafka, `dlq.${service}.delivery-requested`);
    watcher = (async () => {
      while (!watching.signal.aborted) {
        const counts = await box.deliveries();
        for (const id of Object.keys(counts)) if (!firstSeen.has(id)) firstSeen.set(id, Date.now());
        await sleep(250);
      }
    })();
    const load = (async () => {
      for (let second = 0; second < fault.loadSeconds; second++) {
        const requests = Array.from({ length: ratePerSecond }, () => deliveryRequest());
        const eventIds = await sendDeliveryRequests(kafka, serde, requests);
        eventIds.forEach((eventId, index) =>
          sent.set(outboundId(eventId, 'xbau-0200'), {
            applicationId: requests[index]?.applicationId ?? '',
            at: Date.now(),
          }),
        );
        await sleep(1_000);
      }
    })();
    await sleep(fault.atSecond * 1_000);
    const faultStart = Date.now();
    await fault.inject(box, instances, restart);
    const faultEnd = Date.now();
    await load;
    const deadline = Date.now() + 180_000;
    while ([...sent.keys()].some((id) => !firstSeen.has(id)) && Date.now() < deadline)
      await sleep(500);
    watching.abort();
    await watcher;

    const counts = await box.deliveries();
    const ours = [...sent.keys()];
    // The backlog: applications accepted before the fault ended and delivered after it.
    const backlog = ours.filter(
      (id) => (sent.get(id)?.at ?? 0) < faultEnd && (firstSeen.get(id) ?? Infinity) > faultEnd,
    );
    const backlogSeen = backlog.map((id) => firstSeen.get(id) ?? Infinity);
    // The simulator is watched every 250 ms: a faster drain shows as a lower bound.
    const drainSeconds = Math.max(
      0.25,
      (Math.max(...backlogSeen) - Math.min(...backlogSeen)) / 1_000,
    );
    const keys = new Set([...sent.values()].map(({ applicationId }) => applicationId));
    const deadLettered = deadLetters.received.filter((record) =>
      keys.has(record.message.key?.toString() ?? ''),
    ).length;
    table.push({
      scenario: fault.name,
      'fault s': ((faultEnd - faultStart) / 1_000).toFixed(1),
      accepted: ours.length,
      delivered: ours.filter((id) => counts[id] !== undefined).length,
      'sent twice to XTA': ours.filter((id) => (counts[id] ?? 0) > 1).length,
      'dead-lettered': deadLettered,
      'recover s': ((Math.max(...backlogSeen, faultEnd) - faultEnd) / 1_000).toFixed(1),
      'backlog after fault': backlog.length,
      'drain /s': backlog.length > 0 ? (backlog.length / drainSeconds).toFixed(1) : 'n/a',
      'steady /s': ratePerSecond,
    });
    expect(ours.filter((id) => counts[id] === undefined)).toEqual([]);
    expect(deadLettered).toBe(0);
  } finally {
    watching.abort();
    await watcher;
    await Promise.all(instances.map((instance) => instance.stop()));
    await box.stop();
  }
}

describe('fault suite: XBau leg under steady load, two instances', () => {
  afterAll(() => {
    console.log(`\nsteady load ${ratePerSecond} applications/s, two xbau-connector processes`);
    console.table(table);
  });

  it('XTA endpoint down (30 s: 10 min time-compressed)', async () => {
    await runScenario({
      name: 'XTA down 30 s',
      loadSeconds: 50,
      atSecond: 10,
      async inject(box) {
        const downMs = 30_000;
        await box.setFaults({ downtime: [{ from: Date.now(), to: Date.now() + downMs }] });
        await sleep(downMs);
      },
    });
  }, 600_000);

  it('SIGKILL of a random instance, twice, each restarted at once', async () => {
    await runScenario({
      name: 'SIGKILL ×2',
      loadSeconds: 40,
      atSecond: 10,
      async inject(_box, instances, restart) {
        for (const pause of [0, 10_000]) {
          await sleep(pause);
          const victim = Math.floor(Math.random() * instances.length);
          await instances[victim]?.kill();
          await restart(victim);
        }
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
    await runScenario({
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
