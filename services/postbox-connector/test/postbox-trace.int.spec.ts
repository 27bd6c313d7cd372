import { randomBytes, randomUUID } from 'node:crypto';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { examples, topics } from '@hub/contracts';
import { eventually } from '@hub/test-support';
import { postboxSimulator, publisher, startConnector, testTopics } from './connector-under-test.js';

// In-process tracing with W3C propagation, as startTracing sets it up, exporting to memory.
const spans = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
beforeAll(() => {
  provider.register();
});
afterAll(() => provider.shutdown());

describe('the postbox connector and the trace', () => {
  it('delivers each status change in the trace it came with; the handle is in no span', async () => {
    const postbox = await postboxSimulator();
    const renamed = await testTopics();
    const running = await startConnector({ topics: renamed, postboxUrl: postbox.url });
    onTestFinished(() => running.stop());
    const publish = await publisher();
    const applicationId = randomUUID();
    const mailbox = `postbox-${randomUUID()}`;
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

    await publish(
      renamed[topics.applicationSubmitted.name] as string,
      'portal/application-submitted',
      applicationId,
      { ...examples['portal/application-submitted'], applicationId, citizenAccountRef: mailbox },
      { traceparent },
    );
    for (const sequence of [1, 2])
      await publish(
        renamed[topics.citizenStatusChanged.name] as string,
        'case/citizen-status-changed',
        applicationId,
        { ...examples['case/citizen-status-changed'], applicationId, sequence },
        { traceparent },
      );

    const messages = await eventually(
      () => {
        const got = postbox.store.received(mailbox);
        return got.length >= 2 ? got : undefined;
      },
      { timeoutMs: 45_000, what: 'both status changes in the mailbox' },
    );
    expect(messages.map((message) => message.traceparent?.split('-')[1])).toEqual([
      traceId,
      traceId,
    ]);
    const finished = spans.getFinishedSpans();
    expect(finished.some((span) => span.spanContext().traceId === traceId)).toBe(true);
    expect(JSON.stringify(finished.map((span) => [span.name, span.attributes]))).not.toContain(
      mailbox,
    );
  }, 60_000);
});
