import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  localThreeNodeCluster,
  platform,
  startGroupsAtEnd,
  startPrivatePostgres,
  startServiceProcess,
  testKafka,
  type PrivatePostgres,
  type ServiceProcess,
} from '@hub/test-support';
import { paymentTraffic } from './payment-traffic.js';
import {
  simulatorProfileJson,
  startSimulatorProcess,
  type SimulatorProcess,
} from './simulator-process.js';

/**
 * The fault suite of the payment leg (`npm run chaos`): a steady load of payment requests through
 * two payment-connector processes (one consumer group, one database) against the provider
 * simulator, a citizen paying every link at once, one fault per scenario, and what came out at the
 * provider, on the topics, in the dead-letter topics and on the clock.
 */
const ratePerSecond = Number(process.env.CHAOS_RATE_PER_SECOND ?? 2);
const kafka = testKafka();
const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
const table: Record<string, string | number>[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fault {
  readonly name: string;
  readonly loadSeconds: number;
  readonly atSecond: number;
  /** The scenario's services use a PostgreSQL of their own (the fault restarts it). */
  readonly privateDatabase?: boolean;
  /** Injects the fault; resolves when it is over. */
  inject(context: { provider: SimulatorProcess; database?: PrivatePostgres }): Promise<void>;
}

function startInstance(
  service: string,
  providerUrl: string,
  databaseUrl: string,
): Promise<ServiceProcess> {
  const endpoints = platform();
  return startServiceProcess(
    'payment-connector',
    {
      SERVICE_NAME: service,
      KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
      SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      OPS_PORT: '0',
      TRACE_EXPORTER: 'none',
      // Time-compressed: a missing notification is caught by the poller within seconds.
      POLL_INTERVAL_MS: '2000',
      POLL_AFTER_MS: '5000',
      // The poller is per provider name: this scenario's instances poll only its payments.
      PAYMENT_PROFILE_JSON: simulatorProfileJson(`${service}-provider`, providerUrl, 2_000),
    },
    /started/,
  );
}

async function runScenario(fault: Fault): Promise<void> {
  const service = `chaos-payment-${randomUUID().slice(0, 8)}`;
  const instances: ServiceProcess[] = [];
  const database = fault.privateDatabase ? await startPrivatePostgres() : undefined;
  try {
    await startGroupsAtEnd(kafka, service, 'payment-connector');
    // Stopped after the test, so after the fault reset that setFaults registers (hooks unwind).
    const provider = await startSimulatorProcess(onTestFinished);
    const databaseUrl = database?.url ?? platform().DATABASE_URL;
    // One after the other: the first runs the migrations, the second finds them done.
    for (let index = 0; index < 2; index++)
      instances.push(await startInstance(service, provider.url, databaseUrl));
    const traffic = await paymentTraffic(kafka, serde, service);
    const citizen = new AbortController();
    const paying = (async () => {
      while (!citizen.signal.aborted) {
        await traffic.payIssuedLinks();
        await sleep(250);
      }
    })();
    const load = (async () => {
      for (let second = 0; second < fault.loadSeconds; second++) {
        await traffic.request(ratePerSecond);
        await sleep(1_000);
      }
    })();
    await sleep(fault.atSecond * 1_000);
    const faultStart = Date.now();
    await fault.inject({ provider, ...(database ? { database } : {}) });
    const faultEnd = Date.now();
    await load;
    const deadline = Date.now() + 180_000;
    while (traffic.settled.size < traffic.accepted.size && Date.now() < deadline) await sleep(500);
    citizen.abort();
    await paying;

    const ours = [...traffic.accepted.keys()];
    // The simulator is the scenario's own: every transaction it holds is one of ours.
    const transactions = await provider.transactions();
    const requestIds = new Set(transactions.map((transaction) => transaction.request.requestId));
    // Applications accepted before the fault ended and settled after it: what the fault held up.
    const backlog = ours.filter(
      (id) =>
        (traffic.accepted.get(id) ?? 0) < faultEnd &&
        (traffic.settled.get(id)?.at ?? Infinity) > faultEnd,
    );
    const backlogSettled = backlog.map((id) => traffic.settled.get(id)?.at ?? Infinity);
    const notifications = await provider.notifications();
    table.push({
      scenario: fault.name,
      'fault s': ((faultEnd - faultStart) / 1_000).toFixed(1),
      accepted: ours.length,
      'links issued': ours.filter((id) => traffic.links.has(id)).length,
      paid: traffic.paid.size,
      'settled (completed)': traffic.settled.size,
      'provider transactions': transactions.length,
      'second transaction': transactions.length - requestIds.size,
      'link/settled twice': ours.filter(
        (id) =>
          (traffic.links.get(id)?.size ?? 0) > 1 || (traffic.settled.get(id)?.ids.size ?? 0) > 1,
      ).length,
      'dead-lettered': traffic.deadLettered(),
      'notifications sent/dropped': `${notifications.filter((n) => n.outcome !== 'dropped').length}/${notifications.filter((n) => n.outcome === 'dropped').length}`,
      'recover s': ((Math.max(...backlogSettled, faultEnd) - faultEnd) / 1_000).toFixed(1),
      'backlog after fault': backlog.length,
      'left out by kafkajs, resent': traffic.leftOut(),
    });
    const unsettled = ours.filter((id) => !traffic.settled.has(id));
    for (const id of unsettled)
      console.log(`not settled: ${id}, request acked at ${traffic.acks.get(id) ?? 'never'}`);
    expect(unsettled).toEqual([]);
    expect(traffic.deadLettered()).toBe(0);
    expect(transactions.length).toBe(requestIds.size);
    expect(ours.filter((id) => (traffic.settled.get(id)?.ids.size ?? 0) > 1)).toEqual([]);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.remove();
  }
}

describe('fault suite: payment leg under steady load, two instances', () => {
  afterAll(() => {
    console.log(`\nsteady load ${ratePerSecond} payments/s, two payment-connector processes`);
    console.table(table);
  });

  it('payment provider answers 503 (30 s: 5 min time-compressed)', async () => {
    await runScenario({
      name: 'provider 503 for 30 s',
      loadSeconds: 50,
      atSecond: 10,
      async inject({ provider }) {
        const downMs = 30_000;
        await provider.setFaults({ failUntil: Date.now() + downMs, failStatus: 503 });
        await sleep(downMs);
      },
    });
  }, 600_000);

  it('notifications sent three times, then none at all', async () => {
    await runScenario({
      name: 'notifications ×3, then missing',
      loadSeconds: 50,
      atSecond: 10,
      async inject({ provider }) {
        await provider.setFaults({ duplicateNotifications: 2 });
        await sleep(15_000);
        await provider.setFaults({ dropNotifications: true });
        await sleep(15_000);
        await provider.setFaults({});
      },
    });
  }, 600_000);

  it('PostgreSQL stopped for 10 s and started again', async () => {
    await runScenario({
      name: 'PostgreSQL restart (10 s down)',
      loadSeconds: 40,
      atSecond: 10,
      privateDatabase: true,
      async inject({ database }) {
        await database?.stop();
        await sleep(10_000);
        await database?.start();
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
    const { victim } = cluster;
    await runScenario({
      name: `broker ${victim} stopped 20 s, restarted`,
      loadSeconds: 50,
      atSecond: 10,
      async inject() {
        await cluster.stopBroker(victim);
        await sleep(20_000);
        await cluster.startBrokers();
      },
    });
  }, 600_000);
});
