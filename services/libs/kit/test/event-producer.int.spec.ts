import { describe, expect, it, onTestFinished } from 'vitest';
import { EventProducer, type EventContext } from '../src/index.js';
import { testEventType, testSerde } from './fixtures.js';
import { collectFrom, createTestTopic, eventually, testKafka } from '@hub/test-support';

const cause: EventContext = {
  topic: 'portal.application-submitted.v1',
  partition: 0,
  offset: '41',
  key: 'app-7',
  headers: {
    'correlation-id': 'c0ffee00-0000-4000-8000-000000000001',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  },
  eventId: '0b9f8c1e-6a57-4a63-9d0e-6a9b6e1c2f10',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  attempt: 1,
  group: 'test.handler',
};

describe('EventProducer', () => {
  it('publishes an Avro event keyed by business id with event, correlation, causation, trace and producer headers', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'produced');
    const producer = new EventProducer('test-service', kafka, testSerde());
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    const { received } = await collectFrom(kafka, topic);

    const value = { applicationId: 'app-7', seq: 2 };
    const first = await producer.publish(
      { name: topic, type: testEventType },
      {
        key: 'app-7',
        value,
        causedBy: cause,
      },
    );
    const again = await producer.publish(
      { name: topic, type: testEventType },
      {
        key: 'app-7',
        value,
        causedBy: cause,
      },
    );

    const [record] = await eventually(() => (received.length === 2 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'both events',
    });
    expect(again).toBe(first);
    expect(record?.message.key?.toString()).toBe('app-7');
    const headers = Object.fromEntries(
      Object.entries(record?.message.headers ?? {}).map(([name, header]) => [name, String(header)]),
    );
    expect(headers).toEqual({
      'event-id': first,
      'correlation-id': cause.headers['correlation-id'],
      'causation-id': cause.eventId,
      'producer-service': 'test-service',
      traceparent: cause.traceparent,
    });
    const decoded = await testSerde().decode(
      record?.message.value ?? Buffer.alloc(0),
      testEventType,
    );
    expect(decoded.value).toEqual(value);
  });

  it('correlates an event published outside any handler by its key and continues the trace it is given', async () => {
    const kafka = testKafka();
    const topic = await createTestTopic(kafka, 'produced-detached');
    const producer = new EventProducer('test-service', kafka, testSerde());
    await producer.connect();
    onTestFinished(() => producer.disconnect());
    const { received } = await collectFrom(kafka, topic);

    // given a payment outcome found by a poll, with the trace of the request stored beside it
    const eventId = await producer.publish(
      { name: topic, type: testEventType },
      {
        key: 'app-8',
        value: { applicationId: 'app-8', seq: 1 },
        traceparent: cause.traceparent,
      },
    );

    const [record] = await eventually(() => (received.length === 1 ? received : undefined), {
      timeoutMs: 30_000,
      what: 'the event',
    });
    const headers = Object.fromEntries(
      Object.entries(record?.message.headers ?? {}).map(([name, header]) => [name, String(header)]),
    );
    expect(headers).toEqual({
      'event-id': eventId,
      'correlation-id': 'app-8',
      'producer-service': 'test-service',
      traceparent: cause.traceparent,
    });
  });
});
