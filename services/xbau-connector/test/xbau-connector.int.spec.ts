import { createHash, randomUUID } from 'node:crypto';
import type { EachMessagePayload } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  schemaType,
  type ApplicationDelivered,
  type DeliveryRequested,
  type DocumentIssued,
  type StatusReported,
} from '@hub/contracts';
import { createLogger, deadLetterHeaders, eventHeaders, outboundId } from '@hub/kit';
import { collectFrom, eventually, platform, testKafka } from '@hub/test-support';
import { startXbauConnector, type RunningXbauConnector } from '../src/xbau-connector-service.js';
import { prepareDeliveries, testConnectorConfig } from './connector-config.js';
import { deliveryRequest, sendDeliveryRequests } from './delivery-requests.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

const deliveredTopic = 'procedure.application-delivered.v1';
const statusTopic = 'procedure.status-reported.v1';
const documentTopic = 'procedure.document-issued.v1';
const service = `xbau-connector-it-${randomUUID().slice(0, 8)}`;

describe('xbau connector: Kafka → XTA simulator → replies → Kafka', () => {
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  let simulator: SimulatorProcess;
  let connector: RunningXbauConnector;

  beforeAll(async () => {
    await prepareDeliveries(kafka, service);
    simulator = await startSimulatorProcess();
    connector = await startXbauConnector(testConnectorConfig(service, simulator.url), {
      logger: createLogger(service, 'warn'),
    });
  }, 120_000);
  afterAll(async () => {
    await connector.stop();
    await simulator.stop();
  });

  async function send(request: DeliveryRequested, eventId = randomUUID()): Promise<string> {
    await sendDeliveryRequests(kafka, serde, [request], [eventId]);
    return eventId;
  }

  function keyed(records: EachMessagePayload[], applicationId: string): EachMessagePayload[] {
    return records.filter((record) => record.message.key?.toString() === applicationId);
  }

  async function decode<T>(
    records: EachMessagePayload[],
    schema: Parameters<typeof schemaType>[0],
  ) {
    return Promise.all(
      records.map(
        async (record) =>
          (await serde.decode<T>(record.message.value ?? Buffer.alloc(0), schemaType(schema)))
            .value,
      ),
    );
  }

  /** Fetches replies until `count` status events of the application are on the topic. */
  async function statusEvents(records: EachMessagePayload[], applicationId: string, count: number) {
    return eventually(
      async () => {
        await connector.pollReplies();
        const mine = keyed(records, applicationId);
        return mine.length >= count ? mine : undefined;
      },
      { timeoutMs: 30_000, what: `${count} status events of ${applicationId}` },
    );
  }

  /** The application's document events, once the 0205 has been read. */
  async function documentEvents(records: EachMessagePayload[], applicationId: string) {
    const mine = await eventually(
      async () => {
        await connector.pollReplies();
        const found = keyed(records, applicationId);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 30_000, what: `the document events of ${applicationId}` },
    );
    return decode<DocumentIssued>(mine, 'procedure/document-issued');
  }

  async function retriedSoFar(): Promise<number> {
    const metric = await connector.metrics.getSingleMetric('hub_events_retried_total')?.get();
    return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
  }

  it('delivers a request as XBau 0200 and reports delivery, receipt, case number and statuses', async () => {
    const delivered = await collectFrom(kafka, deliveredTopic);
    const statuses = await collectFrom(kafka, statusTopic);
    const documents = await collectFrom(kafka, documentTopic);
    const request = deliveryRequest();

    const eventId = await send(request);

    const [event] = await eventually(
      async () => {
        const mine = keyed(delivered.received, request.applicationId);
        return mine.length > 0
          ? decode<ApplicationDelivered>(mine, 'procedure/application-delivered')
          : undefined;
      },
      { timeoutMs: 30_000, what: 'the delivered event' },
    );
    const nachrichtenUUID = outboundId(eventId, 'xbau-0200');
    expect(event).toMatchObject({
      applicationId: request.applicationId,
      recipientAuthorityId: 'bab:05913000',
      nachrichtenUUID,
      transportMessageId: expect.stringMatching(/^urn:de:xta:messageid:simulator:/) as unknown,
      standard: 'XBAU',
      standardVersion: '2.6',
      messageType: 'baugenehmigung.antrag.0200',
    });
    expect((await simulator.deliveries())[nachrichtenUUID]).toBe(1);

    const reported = await decode<StatusReported>(
      await statusEvents(statuses.received, request.applicationId, 6),
      'procedure/status-reported',
    );
    expect(reported.map((status) => [status.statusCode, status.caseNumber])).toEqual([
      ['RECEIPT', null],
      ['CASE_NUMBER', expect.stringMatching(/^BA-\d{4}-\d{4}$/) as unknown],
      ['14', expect.any(String) as unknown],
      ['17', expect.any(String) as unknown],
      ['18', expect.any(String) as unknown],
      ['10', expect.any(String) as unknown],
    ]);
    expect(reported.every((status) => status.standardVersion === '2.6')).toBe(true);

    // The 0205 before status 10 carried the permit notice: one document event, the bytes checked.
    const [notice, ...more] = await documentEvents(documents.received, request.applicationId);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'PERMIT_NOTICE',
      fileName: 'baugenehmigung.pdf',
      mediaType: 'application/pdf',
      caseNumber: reported[1]?.caseNumber,
      authorityId: 'bab:05913000',
    });
    expect(notice?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(notice?.sizeBytes).toBe(notice?.content.length);
    expect(notice?.sha512).toBe(
      createHash('sha512')
        .update(notice?.content ?? '')
        .digest('hex'),
    );
  });

  it('publishes one status event per reply when the authority sends every reply twice', async () => {
    await simulator.setFaults({ duplicateReplies: true });
    const statuses = await collectFrom(kafka, statusTopic);
    const documents = await collectFrom(kafka, documentTopic);
    const request = deliveryRequest();
    await send(request);

    const mine = await statusEvents(statuses.received, request.applicationId, 6);
    await documentEvents(documents.received, request.applicationId);
    // Drain the box: every duplicate has been fetched once the last copy is closed.
    await eventually(async () => ((await connector.pollReplies()) === 0 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'an empty message box',
    });
    await simulator.setFaults({});

    const eventIds = keyed(statuses.received, request.applicationId).map((record) =>
      record.message.headers?.[eventHeaders.eventId]?.toString(),
    );
    expect(mine).toHaveLength(6);
    expect(eventIds).toHaveLength(6);
    expect(new Set(eventIds).size).toBe(6);
    const reported = await decode<StatusReported>(mine, 'procedure/status-reported');
    expect(eventIds).toEqual(
      reported.map((status) => outboundId(status.nachrichtenUUID, 'xbau-reply')),
    );
    // The 0205 came twice too: its document is published once.
    expect(keyed(documents.received, request.applicationId)).toHaveLength(1);
  });

  it('is idempotent when the request is delivered twice: one XTA delivery, one delivered event', async () => {
    const delivered = await collectFrom(kafka, deliveredTopic);
    const request = deliveryRequest();
    const eventId = randomUUID();

    await send(request, eventId);
    await send(request, eventId);
    // Same key, so handled after both copies: once it is delivered, the copies are done.
    const marker = await send(request);

    await eventually(
      async () => {
        const events = await decode<ApplicationDelivered>(
          keyed(delivered.received, request.applicationId),
          'procedure/application-delivered',
        );
        return events.some((event) => event.nachrichtenUUID === outboundId(marker, 'xbau-0200'))
          ? true
          : undefined;
      },
      { timeoutMs: 30_000, what: 'the marker request to be delivered' },
    );
    const events = await decode<ApplicationDelivered>(
      keyed(delivered.received, request.applicationId),
      'procedure/application-delivered',
    );
    const nachrichtenUUID = outboundId(eventId, 'xbau-0200');
    expect(events.filter((event) => event.nachrichtenUUID === nachrichtenUUID)).toHaveLength(1);
    expect((await simulator.deliveries())[nachrichtenUUID]).toBe(1);
  });

  it('retries the delivery after an XTA technical problem, then delivers it once', async () => {
    const delivered = await collectFrom(kafka, deliveredTopic);
    const retriedBefore = await retriedSoFar();
    await simulator.setFaults({ technicalProblem: 2 });
    const request = deliveryRequest({ standardVersion: '2.5' });

    const eventId = await send(request);

    const events = await eventually(
      async () => {
        const mine = keyed(delivered.received, request.applicationId);
        return mine.length > 0
          ? decode<ApplicationDelivered>(mine, 'procedure/application-delivered')
          : undefined;
      },
      { timeoutMs: 30_000, what: 'the delivered event after the fault' },
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.standardVersion).toBe('2.5');
    expect((await simulator.deliveries())[outboundId(eventId, 'xbau-0200')]).toBe(1);
    expect(await retriedSoFar()).toBeGreaterThanOrEqual(retriedBefore + 2);
  });

  it('sends a message once when the XTA server took it but its answer was lost: the retry asks the server first', async () => {
    const delivered = await collectFrom(kafka, deliveredTopic);
    const retriedBefore = await retriedSoFar();
    await simulator.setFaults({ lostSendAnswers: 1 });
    const request = deliveryRequest();

    const eventId = await send(request);

    await eventually(
      () => (keyed(delivered.received, request.applicationId).length > 0 ? true : undefined),
      { timeoutMs: 30_000, what: 'the delivered event after the lost answer' },
    );
    expect(await retriedSoFar()).toBeGreaterThan(retriedBefore);
    expect((await simulator.deliveries())[outboundId(eventId, 'xbau-0200')]).toBe(1);
    expect(keyed(delivered.received, request.applicationId)).toHaveLength(1);
  });

  it('dead-letters a request whose message the XSD refuses, with the validator reason, and sends nothing', async () => {
    const deadLetters = await collectFrom(kafka, `dlq.${service}.delivery-requested`);
    const delivered = await collectFrom(kafka, deliveredTopic);
    const invalid = deliveryRequest({ measureCode: '9999' });
    const neighbour = deliveryRequest();

    const eventId = await send(invalid);
    await send(neighbour);

    const [letter] = await eventually(
      () => {
        const mine = keyed(deadLetters.received, invalid.applicationId);
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'the dead letter' },
    );
    const header = (name: string) => letter?.message.headers?.[name]?.toString();
    expect(header(deadLetterHeaders.errorCode)).toBe('XOEV_INVALID');
    expect(header(deadLetterHeaders.errorMessage)).toMatch(/\[xsd line \d+.*artDerMassnahme/s);
    expect(header(deadLetterHeaders.attempts)).toBe('1');
    expect((await simulator.deliveries())[outboundId(eventId, 'xbau-0200')]).toBeUndefined();
    await eventually(
      () => (keyed(delivered.received, neighbour.applicationId).length > 0 ? true : undefined),
      { timeoutMs: 30_000, what: 'the neighbour to be delivered' },
    );
    expect(keyed(delivered.received, invalid.applicationId)).toHaveLength(0);
  });
});
