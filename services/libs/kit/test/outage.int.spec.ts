import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { classifyHttpStatus, inClientSpan, outboundBreakers } from '../src/index.js';
import { publish, startEngine, testEventType, uniqueService, type TestEvent } from './fixtures.js';
import { createTestTopic, eventually, testKafka } from '@hub/test-support';

/** An outside system over a real socket that answers 503 while `down`, and records what it got. */
async function startEndpoint(): Promise<{ url: URL; received: string[]; down: boolean }> {
  const endpoint = { url: new URL('http://127.0.0.1'), received: [] as string[], down: true };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (endpoint.down) return response.writeHead(503).end();
      endpoint.received.push(body);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );
  endpoint.url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/effects`);
  return endpoint;
}

async function metricSum(engine: { metricsRegistry: Registry }, name: string): Promise<number> {
  const metric = await engine.metricsRegistry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
}

describe('delivery during an outage', () => {
  it('waits out an outage far longer than the retry budget: every effect once, in key order, no dead letter, other work flowing', async () => {
    const kafka = testKafka();
    const [outboundTopic, localTopic] = await Promise.all([
      createTestTopic(kafka, 'outage-outbound', { partitions: 3 }),
      createTestTopic(kafka, 'outage-local'),
    ]);
    const endpoint = await startEndpoint();
    outboundBreakers.configure({ initialProbeDelayMs: 100, maxProbeDelayMs: 500 });
    const local: TestEvent[] = [];
    const engine = await startEngine(kafka, uniqueService('outage'), [
      {
        name: 'send',
        topic: outboundTopic,
        type: testEventType,
        // Two attempts of 10 ms: the outage below is hundreds of times the whole budget.
        retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
        async handle(event: TestEvent) {
          const call = {
            operation: 'effect',
            url: endpoint.url,
            method: 'POST',
            protocol: 'http',
          } as const;
          const answer = await inClientSpan(call, () =>
            fetch(endpoint.url, { method: 'POST', body: `${event.applicationId}/${event.seq}` }),
          );
          if (!answer.ok) throw classifyHttpStatus(answer.status, 'effects endpoint');
        },
      },
      {
        name: 'local',
        topic: localTopic,
        type: testEventType,
        handle(event: TestEvent) {
          local.push(event);
          return Promise.resolve();
        },
      },
    ]);
    const keys = ['app-a', 'app-b', 'app-c', 'app-d'];
    const events = [1, 2, 3, 4, 5].flatMap((seq) =>
      keys.map((applicationId) => ({ applicationId, seq })),
    );

    await publish(kafka, outboundTopic, events);
    await eventually(
      async () => ((await metricSum(engine, 'hub_outage_waiting_events')) > 0 ? true : undefined),
      {
        timeoutMs: 30_000,
        what: 'events waiting for the endpoint',
      },
    );
    await publish(kafka, localTopic, events);
    await eventually(() => (local.length === events.length ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the other handler to keep flowing during the outage',
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(endpoint.received).toEqual([]);
    expect(await metricSum(engine, 'hub_events_dead_lettered_total')).toBe(0);

    endpoint.down = false;

    await eventually(() => (endpoint.received.length >= events.length ? true : undefined), {
      timeoutMs: 30_000,
      what: 'every effect after the outage',
    });
    expect([...endpoint.received].sort()).toEqual(
      events.map((e) => `${e.applicationId}/${e.seq}`).sort(),
    );
    for (const key of keys)
      expect(endpoint.received.filter((effect) => effect.startsWith(`${key}/`))).toEqual(
        [1, 2, 3, 4, 5].map((seq) => `${key}/${seq}`),
      );
    expect(await metricSum(engine, 'hub_events_dead_lettered_total')).toBe(0);
    expect(await metricSum(engine, 'hub_outage_waiting_events')).toBe(0);
  });
});
