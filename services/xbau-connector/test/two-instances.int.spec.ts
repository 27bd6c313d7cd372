import { randomUUID } from 'node:crypto';
import type { EachMessagePayload } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { createLogger, eventHeaders, outboundId } from '@hub/kit';
import { eventually, platform, testKafka } from '@hub/test-support';
import { startXbauConnector, type RunningXbauConnector } from '../src/xbau-connector-service.js';
import { prepareDeliveries, testConnectorConfig } from './connector-config.js';
import { deliveryRequest, sendDeliveryRequests } from './delivery-requests.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

/** Both instances run as one service: one consumer group, one lease, one message box. */
const service = `xbau-two-instances-${randomUUID().slice(0, 8)}`;
const applications = 12;
/** 1120 receipt, 1121 case number, and the simulator's four 1170 statuses. */
const repliesPerApplication = 6;

async function counted(instances: RunningXbauConnector[], outcome: string): Promise<number> {
  let sum = 0;
  for (const instance of instances) {
    const metric = await instance.metrics.getSingleMetric('xbau_replies_total')?.get();
    for (const value of metric?.values ?? [])
      if (value.labels.outcome === outcome) sum += value.value;
  }
  return sum;
}

/**
 * Status events published from now on: the shared status topic holds every suite's events, and
 * reading it from its beginning took longer than the test itself on the shared machine.
 */
async function statusesFromNowOn(): Promise<{ received: EachMessagePayload[] }> {
  const kafka = testKafka();
  const received: EachMessagePayload[] = [];
  const consumer = kafka.consumer({ groupId: `${service}.test-statuses` });
  await consumer.connect();
  onTestFinished(() => consumer.disconnect());
  await consumer.subscribe({ topic: 'procedure.status-reported.v1', fromBeginning: false });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    eachMessage: (payload) => {
      received.push(payload);
      return Promise.resolve();
    },
  });
  await joined;
  return { received };
}

describe('xbau connector: two instances share the deliveries and poll one message box', () => {
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  let simulator: SimulatorProcess;
  let instances: RunningXbauConnector[] = [];

  beforeAll(async () => {
    await prepareDeliveries(kafka, service);
    simulator = await startSimulatorProcess();
    const config = testConnectorConfig(service, simulator.url);
    instances = await Promise.all(
      [1, 2].map(() => startXbauConnector(config, { logger: createLogger(service, 'warn') })),
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await simulator.stop();
  });

  it('delivers each application once and publishes each reply once, both instances polling at the same time', async () => {
    const statuses = await statusesFromNowOn();
    const requests = Array.from({ length: applications }, () => deliveryRequest());
    const ours = new Set(requests.map((request) => request.applicationId));

    const eventIds = await sendDeliveryRequests(kafka, serde, requests);

    const expected = applications * repliesPerApplication;
    const mine = await eventually(
      async () => {
        // Both instances poll in every round, at the same moment.
        await Promise.all(instances.map((instance) => instance.pollReplies()));
        const received = statuses.received.filter((record) =>
          ours.has(record.message.key?.toString() ?? ''),
        );
        return received.length >= expected ? received : undefined;
      },
      // Other suites' requests on the shared topic reach this box too: the machine decides the pace.
      { timeoutMs: 150_000, what: `${expected} status events` },
    );
    // Drain the box, then give late duplicates (if any) time to arrive on the topic.
    await eventually(
      async () => {
        const taken = await Promise.all(instances.map((instance) => instance.pollReplies()));
        return taken.every((count) => count === 0) ? true : undefined;
      },
      { timeoutMs: 30_000, what: 'an empty message box' },
    );

    const deliveries = await simulator.deliveries();
    expect(eventIds.map((eventId) => deliveries[outboundId(eventId, 'xbau-0200')])).toEqual(
      eventIds.map(() => 1),
    );
    const statusEventIds = mine.map((record) =>
      record.message.headers?.[eventHeaders.eventId]?.toString(),
    );
    expect(new Set(statusEventIds).size).toBe(expected);
    expect(mine).toHaveLength(expected);
    // No reply was fetched by both instances: none was even recognised as a duplicate (other
    // suites' requests on the shared topic reach this box too, so published counts vary).
    expect(await counted(instances, 'published')).toBeGreaterThanOrEqual(expected);
    expect(await counted(instances, 'duplicate')).toBe(0);
  }, 240_000);
});
