import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { schemaType, type CitizenStatusChanged } from '@hub/contracts';
import { eventHeaders } from '@hub/kit';
import { eventually, platform, testKafka, testProducer } from '@hub/test-support';
import { validApplication } from './fixtures.js';
import { citizen, startGatewayUnderTest } from './gateway-under-test.js';

type Under = Awaited<ReturnType<typeof startGatewayUnderTest>>;

interface View {
  state: string;
  timeline: { state: string; occurredAt: string }[];
}

describe('the citizen timeline', () => {
  let under: Under;
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  beforeAll(async () => {
    under = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await under.gateway.stop();
  });

  async function readToken() {
    return `Bearer ${await under.idp.token({ citizenAccount: citizen, scope: 'applications:read' })}`;
  }

  /** Publishes a status change as the case router would, under `eventId` (sequence 0: unnumbered, as before). */
  async function statusChange(
    applicationId: string,
    state: CitizenStatusChanged['state'],
    at: string,
    eventId: string,
    sequence = 0,
    partition?: number,
  ) {
    const producer = await testProducer(testKafka());
    const topic = 'case.citizen-status-changed.v1';
    const change: CitizenStatusChanged = {
      applicationId,
      changedAt: new Date(at),
      state,
      statusText: `Schritt ${state}`,
      actionRequired: state === 'ACTION_REQUIRED',
      actionText: null,
      caseNumber: null,
      sequence,
    };
    const value = await serde.encode(
      `${topic}-value`,
      schemaType('case/citizen-status-changed'),
      change,
    );
    const [sent] = await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: applicationId, value, headers: { [eventHeaders.eventId]: eventId }, partition },
      ],
    });
    return sent;
  }

  it('orders steps by when they happened, ignores a redelivered step, and streams changes as SSE', async () => {
    const { json } = await under.submit(validApplication());
    const applicationId = json.applicationId as string;
    const authorization = await readToken();

    const stream = await fetch(`${under.gateway.url}/v1/applications/${applicationId}/events`, {
      headers: { authorization, accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body?.getReader();
    let streamed = '';
    const readStream = (async () => {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        streamed += Buffer.from(chunk.value).toString();
      }
    })();

    // The procedure's later status arrives first; the earlier one is delivered twice.
    const received = randomUUID();
    await statusChange(applicationId, 'COMPLETED', '2026-11-30T10:00:00Z', randomUUID());
    await statusChange(applicationId, 'RECEIVED', '2026-11-25T10:00:00Z', received);
    await statusChange(applicationId, 'RECEIVED', '2026-11-25T10:00:00Z', received);
    // Same key, so handled after the duplicate: once it shows, a duplicate would have shown too.
    await statusChange(applicationId, 'PROCESSING', '2026-11-27T10:00:00Z', randomUUID());

    const view = await eventually(
      async () => {
        const response = await fetch(`${under.gateway.url}/v1/applications/${applicationId}`, {
          headers: { authorization },
        });
        const body = (await response.json()) as View;
        return body.timeline.some((step) => step.state === 'PROCESSING') ? body : undefined;
      },
      { timeoutMs: 30_000, what: 'the marker step on the timeline' },
    );
    expect(view.timeline.map((step) => step.state)).toEqual([
      'RECEIVED',
      'PROCESSING',
      'COMPLETED',
    ]);
    expect(view.state).toBe('COMPLETED');

    await eventually(() => (streamed.includes('"COMPLETED"') ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the COMPLETED state on the event stream',
    });
    expect(streamed).toContain('event: status');
    await reader?.cancel();
    await readStream;
  });

  it('orders steps by the case router’s sequence, whatever their clocks say, and shows the last one as the state', async () => {
    const { json } = await under.submit(validApplication());
    const applicationId = json.applicationId as string;
    const authorization = await readToken();

    // "zugestellt" is stamped by the hub's clock, the receipt by the authority's, which runs early.
    await statusChange(applicationId, 'RECEIVED', '2026-11-25T10:00:05Z', randomUUID(), 2);
    await statusChange(applicationId, 'PROCESSING', '2026-11-25T10:00:01Z', randomUUID(), 4);
    await statusChange(applicationId, 'SUBMITTED', '2026-11-25T10:00:00Z', randomUUID(), 1);
    await statusChange(applicationId, 'RECEIVED', '2026-11-25T10:00:02Z', randomUUID(), 3);
    await statusChange(applicationId, 'DELIVERY_FAILED', '2026-11-25T09:00:00Z', randomUUID(), 5);

    const view = await eventually(
      async () => {
        const response = await fetch(`${under.gateway.url}/v1/applications/${applicationId}`, {
          headers: { authorization },
        });
        const body = (await response.json()) as View;
        return body.timeline.length === 5 ? body : undefined;
      },
      { timeoutMs: 30_000, what: 'all five steps on the timeline' },
    );
    expect(view.timeline.map((step) => [step.state, step.occurredAt])).toEqual([
      ['SUBMITTED', '2026-11-25T10:00:00.000Z'],
      ['RECEIVED', '2026-11-25T10:00:05.000Z'],
      ['RECEIVED', '2026-11-25T10:00:02.000Z'],
      ['PROCESSING', '2026-11-25T10:00:01.000Z'],
      ['DELIVERY_FAILED', '2026-11-25T09:00:00.000Z'],
    ]);
    expect(view.state).toBe('DELIVERY_FAILED');
  });

  it('refuses the stream to another citizen', async () => {
    const { json } = await under.submit(validApplication());
    const other = `Bearer ${await under.idp.token({ citizenAccount: 'postbox-other-0002', scope: 'applications:read' })}`;
    const response = await fetch(
      `${under.gateway.url}/v1/applications/${json.applicationId as string}/events`,
      { headers: { authorization: other } },
    );
    expect(response.status).toBe(404);
  });

  it('passes over the steps of an application from another door (FIT-Connect), without retrying or dead-lettering them', async () => {
    const { json } = await under.submit(validApplication());
    const ours = json.applicationId as string;
    const fromFitConnect = randomUUID();
    const authorization = await readToken();

    // One partition, the foreign step first: the group's offset passes our step only once the
    // foreign one is finished too, however it ended.
    await statusChange(fromFitConnect, 'RECEIVED', '2026-11-25T10:00:00Z', randomUUID(), 2, 0);
    const last = await statusChange(ours, 'RECEIVED', '2026-11-25T10:00:01Z', randomUUID(), 2, 0);

    const admin = testKafka().admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          const [offsets] = await admin.fetchOffsets({
            groupId: `${under.service}.citizen-status-changed`,
            topics: ['case.citizen-status-changed.v1'],
          });
          const committed = offsets?.partitions.find((entry) => entry.partition === 0)?.offset;
          return Number(committed) > Number(last?.baseOffset) ? true : undefined;
        },
        { timeoutMs: 30_000, what: "the group's offset past both steps" },
      );
    } finally {
      await admin.disconnect();
    }
    const view = (await (
      await fetch(`${under.gateway.url}/v1/applications/${ours}`, { headers: { authorization } })
    ).json()) as View;
    expect(view.timeline.map((step) => step.state)).toContain('RECEIVED');
    const troubles = under.logged.filter(({ level }) => level === 'warn' || level === 'error');
    expect(troubles.map(({ message }) => message)).toEqual([]);
  });
});
