import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { createLogger, outboundId } from '@hub/kit';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { startXbauConnector, type RunningXbauConnector } from '../src/xbau-connector-service.js';
import { prepareDeliveries, testConnectorConfig } from './connector-config.js';
import { deliveryRequest, sendDeliveryRequests } from './delivery-requests.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

const run = randomUUID().slice(0, 8);
/** Two authorities' XTA servers, each behind its own connector service. */
const downService = `xbau-outages-down-${run}`;
const upService = `xbau-outages-up-${run}`;
const applications = 20;
/** Far longer than the in-process retry budget below (3 attempts, ≤ 200 ms apart). */
const outageMs = 15_000;
// A retry budget well under a second, and probes every 0.2 s at first, at most every second:
// time-compressed, the same logic as an outage of days.
const settings = {
  RETRY_MAX_ATTEMPTS: 3,
  RETRY_MAX_DELAY_MS: 200,
  OUTBOUND_FIRST_PROBE_MS: 200,
  OUTBOUND_MAX_PROBE_MS: 1_000,
};

async function metricSum(connector: RunningXbauConnector, name: string): Promise<number> {
  const metric = await connector.metrics.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
}

describe('xbau connector: an XTA outage longer than the retry budget', () => {
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  let downXta: SimulatorProcess;
  let upXta: SimulatorProcess;
  let down: RunningXbauConnector;
  let up: RunningXbauConnector;

  beforeAll(async () => {
    await prepareDeliveries(kafka, downService, upService);
    [downXta, upXta] = await Promise.all([startSimulatorProcess(), startSimulatorProcess()]);
    const start = (service: string, xta: SimulatorProcess) =>
      startXbauConnector(testConnectorConfig(service, xta.url, settings), {
        logger: createLogger(service, 'warn'),
      });
    [down, up] = await Promise.all([start(downService, downXta), start(upService, upXta)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([down.stop(), up.stop()]);
    await Promise.all([downXta.stop(), upXta.stop()]);
  });

  it('delivers every application exactly once after the outage, dead-letters none, and the other endpoint keeps flowing', async () => {
    const deadLetters = await Promise.all(
      [downService, upService].map((service) =>
        collectFrom(kafka, `dlq.${service}.delivery-requested`),
      ),
    );
    const outageEnds = Date.now() + outageMs;
    await downXta.setFaults({ downtime: [{ from: Date.now(), to: outageEnds }] });
    const requests = Array.from({ length: applications }, () => deliveryRequest());

    const eventIds = await sendDeliveryRequests(kafka, serde, requests);
    const nachrichtenUUIDs = eventIds.map((eventId) => outboundId(eventId, 'xbau-0200'));

    // While the first authority is down, the second gets every application.
    const deliveredUp = await eventually(
      async () => {
        const counts = await upXta.deliveries();
        return nachrichtenUUIDs.every((id) => counts[id] !== undefined) ? counts : undefined;
      },
      { timeoutMs: outageMs - 3_000, what: 'every application at the reachable XTA server' },
    );
    expect(Date.now()).toBeLessThan(outageEnds);
    expect(nachrichtenUUIDs.map((id) => deliveredUp[id])).toEqual(nachrichtenUUIDs.map(() => 1));
    const duringOutage = await downXta.deliveries();
    expect(nachrichtenUUIDs.filter((id) => duringOutage[id] !== undefined)).toEqual([]);
    expect(await metricSum(down, 'hub_outbound_circuit_state')).toBeGreaterThan(0);
    expect(await metricSum(down, 'hub_outage_waiting_events')).toBeGreaterThan(0);

    // After it, the first authority gets each application exactly once, with nobody replaying.
    const deliveredDown = await eventually(
      async () => {
        const counts = await downXta.deliveries();
        return nachrichtenUUIDs.every((id) => counts[id] !== undefined) ? counts : undefined;
      },
      { timeoutMs: outageMs + 30_000, what: 'every application at the recovered XTA server' },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(outageEnds);
    expect(nachrichtenUUIDs.map((id) => deliveredDown[id])).toEqual(nachrichtenUUIDs.map(() => 1));
    expect(await metricSum(down, 'hub_outage_waiting_events')).toBe(0);
    // The shared delivery topic also carries other suites' poison requests (dead-lettered by this
    // group too), so only this test's applications are judged: none of them is a dead letter.
    const ours = new Set(requests.map((request) => request.applicationId));
    const deadLettered = deadLetters.flatMap(({ received }) =>
      received.filter((record) => ours.has(record.message.key?.toString() ?? '')),
    );
    expect(deadLettered).toEqual([]);
  }, 120_000);
});
