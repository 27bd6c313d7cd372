import { randomUUID } from 'node:crypto';
import type { EachMessagePayload } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  examples,
  schemaType,
  topics,
  valueSubject,
  type ApplicationDelivered,
  type DeliveryRequested,
  type LabReportReceived,
  type LimitExceeded,
} from '@hub/contracts';
import { deadLetterHeaders, eventHeaders, silentLogger } from '@hub/kit';
import {
  collectFrom,
  eventually,
  metricsText,
  platform,
  startGroupsAtEnd,
  testKafka,
  testProducer,
  uniqueServiceName,
} from '@hub/test-support';
import { sampleContext, sampleIssuer, sampleLabReport, toTransportieren2010 } from '@hub/xoev';
import { xwasserConnectorConfigSchema } from '../src/config.js';
import { startLabOverHttp, type LabOverHttp } from './lab-over-http.js';
import {
  startXwasserConnector,
  type RunningXwasserConnector,
} from '../src/xwasser-connector-service.js';

const lead = { parameterCode: '1104', value: 0.018 }; // above 0.010 mg/l (TrinkwV 2023)
const nitrate = { parameterCode: '1021', value: 12.5 }; // below 50 mg/l

describe('XWasser connector: lab reports from the health office’s XTA box', () => {
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const service = uniqueServiceName('xwasser-it');
  let lab: LabOverHttp;
  let connector: RunningXwasserConnector;

  beforeAll(async () => {
    lab = await startLabOverHttp();
    await startGroupsAtEnd(kafka, service, 'xwasser-connector');
    connector = await startXwasserConnector(
      xwasserConnectorConfigSchema.parse({
        ...platform(),
        SERVICE_NAME: service,
        XTA_ENDPOINT_URL: lab.officeXtaUrl,
        ANSWER_XTA_ENDPOINT_URL: lab.labXtaUrl,
        LAB_ORDER_URL: lab.orderUrl,
        TRACE_EXPORTER: 'none',
        OPS_PORT: 0,
        // Rounds only when the test asks (pollBox), so each test sees its own messages taken.
        POLL_INTERVAL_MS: 3_600_000,
      }),
      { logger: silentLogger },
    );
  }, 120_000);
  afterAll(async () => {
    await connector.stop();
    await lab.stop();
  });

  async function decoded<T>(
    records: EachMessagePayload[],
    key: string,
    schema: string,
  ): Promise<T[]> {
    const mine = records.filter((record) => record.message.key?.toString() === key);
    return Promise.all(
      mine.map(
        async (record) =>
          (await serde.decode<T>(record.message.value ?? Buffer.alloc(0), schemaType(schema)))
            .value,
      ),
    );
  }

  /** Waits until the topic holds events keyed by `key`, decoded. */
  function published<T>(records: EachMessagePayload[], key: string, schema: string): Promise<T[]> {
    return eventually(
      async () => {
        const events = await decoded<T>(records, key, schema);
        return events.length > 0 ? events : undefined;
      },
      { timeoutMs: 20_000, what: `${schema} of ${key}` },
    );
  }

  /** Polls the health office's box and collects the lab's answers until `count` refer to `sent`. */
  async function answersTo(nachrichtenUUID: string, count = 1) {
    return eventually(
      async () => {
        await connector.pollBox();
        const mine = (await lab.answers()).filter(
          (answer) => answer.referenzUUID === nachrichtenUUID,
        );
        return mine.length >= count ? mine : undefined;
      },
      { timeoutMs: 30_000, what: `${count} answer(s) to ${nachrichtenUUID}` },
    );
  }

  it('valid report with one exceeded value → Quittung at the lab, the report and one limit-exceeded event with priority', async () => {
    const reports = await collectFrom(kafka, topics.labReportReceived.name);
    const limits = await collectFrom(kafka, topics.limitExceeded.name);
    const sent = await lab.sendReport({ measurements: [lead, nitrate] });

    const [answer] = await answersTo(sent.nachrichtenUUID);
    expect(answer).toMatchObject({
      messageName: 'administration.quittung.0020',
      caseId: sent.caseId,
      statusCode: '1000',
    });

    const [received] = await published<LabReportReceived>(
      reports.received,
      sent.caseId,
      'health/lab-report-received',
    );
    expect(received).toMatchObject({
      caseId: sent.caseId,
      nachrichtenUUID: sent.nachrichtenUUID,
      labDvdvId: 'labor:DE-TW-0042',
      limitTableVersion: 'trinkwv-2023.1',
      limitsExceeded: 1,
    });
    expect(
      received?.samples[0]?.measurements.map(
        ({ parameterName, value, unit, limitValue, limitExceeded }) => ({
          parameterName,
          value,
          unit,
          limitValue,
          limitExceeded,
        }),
      ),
    ).toEqual([
      { parameterName: 'Blei', value: 0.018, unit: 'mg/l', limitValue: 0.01, limitExceeded: true },
      { parameterName: 'Nitrat', value: 12.5, unit: 'mg/l', limitValue: 50, limitExceeded: false },
    ]);
    const exceeded = await published<LimitExceeded>(
      limits.received,
      sent.caseId,
      'health/limit-exceeded',
    );
    expect(exceeded).toEqual([
      expect.objectContaining({
        parameterName: 'Blei',
        value: 0.018,
        limitValue: 0.01,
        priority: 'HIGH',
        limitSource: 'TrinkwV 2023 Anlage 2 Teil II',
      }),
    ]);
    expect(await metricsText(connector.opsPort)).toMatch(
      /hub_drinking_water_limits_exceeded_total\{parameter="Blei",priority="HIGH"\} [1-9]/,
    );

    // A status request for the case is answered with a Quittung and a Statusantwort: report here.
    const asked = await lab.sendStatusRequest(sent.caseId);
    const statusAnswers = await answersTo(asked.nachrichtenUUID, 2);
    expect(statusAnswers.map((a) => [a.messageName, a.statusCode])).toEqual([
      ['administration.quittung.0020', '1000'],
      ['vorgang.statusantwort.2040', '2000'],
    ]);
  }, 60_000);

  it.each([
    ['XSD', (xml: string) => xml.replace(/<xwas:titel>[^<]*<\/xwas:titel>/, ''), 'X001', /titel/],
    ['code-list version', undefined, 'V001', /shapth-parameter version 9/],
    [
      'unknown standard',
      (xml: string) => xml.replaceAll('version="1.0.0"', 'version="1.1.0"'),
      'V001',
      /in the catalogue only in version\(s\) 1\.0\.0/,
    ],
  ] as const)(
    'invalid report (%s) → Rückweisung with the reasons, nothing published',
    async (_, spoil, code, reason) => {
      const reports = await collectFrom(kafka, topics.labReportReceived.name);
      const caseId = randomUUID();
      let nachrichtenUUID: string;
      if (spoil) {
        // Built valid by the lab simulator, spoiled on the way: the office sees exactly this.
        const { sentXml, id } = spoiled(caseId, spoil);
        await lab.sendRaw(sentXml);
        nachrichtenUUID = id;
      } else {
        nachrichtenUUID = (
          await lab.sendReport({ caseId, measurements: [lead], parameterListVersion: '9' })
        ).nachrichtenUUID;
      }
      const [answer] = await answersTo(nachrichtenUUID);
      expect(answer?.messageName).toBe('administration.rueckweisung.0010');
      expect(answer?.rejection?.code).toBe(code);
      expect(answer?.rejection?.details.join('\n')).toMatch(reason);
      await connector.pollBox();
      expect(await decoded(reports.received, caseId, 'health/lab-report-received')).toEqual([]);
    },
    60_000,
  );

  it('is idempotent when the box hands out the same report twice: one event, one Quittung', async () => {
    const reports = await collectFrom(kafka, topics.labReportReceived.name);
    const caseId = randomUUID();
    const twice = spoiled(caseId, (xml) => xml);
    await lab.sendRaw(twice.sentXml);
    await lab.sendRaw(twice.sentXml);
    // Same case, so same key and partition: once its event is read, the earlier ones are too.
    const marker = await lab.sendReport({ caseId, measurements: [nitrate] });

    await answersTo(marker.nachrichtenUUID);
    const events = await eventually(
      async () => {
        const all = await decoded<LabReportReceived>(
          reports.received,
          caseId,
          'health/lab-report-received',
        );
        return all.some((event) => event.nachrichtenUUID === marker.nachrichtenUUID)
          ? all
          : undefined;
      },
      { timeoutMs: 20_000, what: 'the marker report’s event' },
    );
    expect(events.filter((event) => event.nachrichtenUUID === twice.id)).toHaveLength(1);
    const answers = (await lab.answers()).filter((answer) => answer.referenzUUID === twice.id);
    expect(answers.map((answer) => answer.messageName)).toEqual(['administration.quittung.0020']);
  }, 60_000);

  it('garbage → dead letter with the raw bytes, and the report behind it is still answered (box not blocked)', async () => {
    const deadLetters = await collectFrom(kafka, `dlq.${service}.lab-reports`);
    const garbage = '<<< kein XML >>>';
    const injectedId = await lab.sendRaw(garbage);
    const sent = await lab.sendReport({ measurements: [nitrate] });

    const [answer] = await answersTo(sent.nachrichtenUUID);
    expect(answer?.messageName).toBe('administration.quittung.0020');
    const letter = await eventually(
      () => deadLetters.received.find((record) => record.message.key?.toString() === injectedId),
      { timeoutMs: 20_000, what: 'the dead letter of the garbage' },
    );
    expect(letter.message.value?.toString()).toBe(garbage);
    expect(letter.message.headers?.[deadLetterHeaders.errorCode]?.toString()).toBe('XML_MALFORMED');
  }, 60_000);

  it('orders a citizen’s examination once, and publishes the lab’s report for it under the application, in its trace', async () => {
    const delivered = await collectFrom(kafka, topics.applicationDelivered.name);
    const reports = await collectFrom(kafka, topics.labReportReceived.name);
    const example = examples['procedure/delivery-requested'];
    const applicationId = randomUUID();
    const request: DeliveryRequested = {
      ...example,
      applicationId,
      standard: 'XWASSER',
      standardVersion: '1.0.0',
      messageType: 'vorgang.transportieren.2010',
      application: {
        ...example.application,
        applicationId,
        formFields: [{ key: 'probennahme.entnahmestelle', value: 'Küche, Erdgeschoss' }],
      },
    };
    const traceId = randomUUID().replaceAll('-', '');
    const topic = topics.xwasserDeliveryRequested;
    const value = await serde.encode(
      valueSubject(topic.name),
      schemaType(topic.valueSchema),
      request,
    );
    const producer = await testProducer(kafka);
    const record = {
      key: applicationId,
      value,
      headers: {
        [eventHeaders.eventId]: randomUUID(),
        [eventHeaders.traceparent]: `00-${traceId}-${'1'.repeat(16)}-01`,
      },
    };
    // Delivered twice (a redelivery after a crash): one order, one confirmation.
    await producer.send({ topic: topic.name, acks: -1, messages: [record, record] });

    const [confirmation] = await published<ApplicationDelivered>(
      delivered.received,
      applicationId,
      'procedure/application-delivered',
    );
    expect(confirmation).toMatchObject({ standard: 'XWASSER', messageType: request.messageType });
    const orderId = confirmation?.transportMessageId ?? '';
    const [order] = (await lab.orders()).filter((taken) => taken.orderId === orderId);
    expect(order?.samplingPoint).toBe('Küche, Erdgeschoss');

    // The same case under another order number does not speak for the citizen.
    const foreign = await lab.sendReport({ caseId: order?.caseId, measurements: [nitrate] });
    await answersTo(foreign.nachrichtenUUID);
    const sent = await lab.sendReport({ orderId, measurements: [lead] });
    expect(sent.caseId).toBe(order?.caseId);
    await answersTo(sent.nachrichtenUUID);
    const both = await eventually(
      async () => {
        const events = await decoded<LabReportReceived>(
          reports.received,
          sent.caseId,
          'health/lab-report-received',
        );
        return events.length >= 2 ? events : undefined;
      },
      { timeoutMs: 20_000, what: 'both reports of the case' },
    );
    const of = (message: { nachrichtenUUID: string }) =>
      both.find((event) => event.nachrichtenUUID === message.nachrichtenUUID);
    expect(of(foreign)?.applicationId).toBeNull();
    expect(of(sent)).toMatchObject({ applicationId, orderNumber: orderId, limitsExceeded: 1 });
    // The citizen's report came last to the case's partition.
    const header = reports.received
      .filter((r) => r.message.key?.toString() === sent.caseId)
      .at(-1)
      ?.message.headers?.[eventHeaders.traceparent]?.toString();
    expect(header?.split('-')[1]).toBe(traceId);
    expect(
      await decoded(delivered.received, applicationId, 'procedure/application-delivered'),
    ).toHaveLength(1);
  }, 60_000);

  function spoiled(
    caseId: string,
    spoil: (xml: string) => string,
  ): { sentXml: string; id: string } {
    // The XÖV library's builder, as the lab simulator uses it: the test spoils a real report.
    const id = randomUUID();
    const xml = toTransportieren2010({ ...sampleLabReport, caseId }, sampleIssuer, {
      ...sampleContext,
      nachrichtenUUID: id,
      createdAt: new Date(),
    });
    return { sentXml: spoil(xml), id };
  }
});
