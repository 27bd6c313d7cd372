import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { EachMessagePayload } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import { examples, schemaType, type DeliveryRequested } from '@hub/contracts';
import { createLogger, eventHeaders, RedactingSpanExporter } from '@hub/kit';
import { collectFrom, eventually, platform, testKafka, testProducer } from '@hub/test-support';
import { formFields } from '../src/map/from-delivery-requested.js';
import { DeliveredRecipients } from '../src/replies/delivered-recipients.js';
import { startXbauConnector, type RunningXbauConnector } from '../src/xbau-connector-service.js';
import { deliveriesFromNowOn, testConnectorConfig } from './connector-config.js';
import { reply1120 } from './reply-1120.js';
import { startSimulatorProcess, type SimulatorProcess } from './xta-simulator-process.js';

const deliveryTopic = 'procedure.delivery-requested.v1';
/** A name nobody has: any hit in headers, logs or spans is this test's input leaking. */
const leaks = /Zyxwort|Quxheim/;
const base = examples['procedure/delivery-requested'];

function request(familyName: string, measureCode = '10'): DeliveryRequested {
  const applicationId = randomUUID();
  return {
    ...base,
    applicationId,
    standardVersion: '2.6',
    recipient: { authorityId: 'bab:05913000', name: 'Bauaufsicht' },
    application: {
      ...base.application,
      applicationId,
      applicant: { ...base.application.applicant, familyName },
      formFields: [
        { key: formFields.title, value: 'Carport' },
        { key: formFields.measureCode, value: measureCode },
        { key: formFields.district, value: '051234' },
        { key: formFields.numerator, value: '17' },
      ],
      attachments: base.application.attachments.map((attachment) => ({
        ...attachment,
        mediaType: 'image/png',
      })),
    },
  };
}

function headerText(record: EachMessagePayload | undefined): string {
  return Object.entries(record?.message.headers ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('\n');
}

describe('xbau connector: no personal data in dead letters, logs or spans', () => {
  const service = `xbau-pii-it-${randomUUID().slice(0, 8)}`;
  const kafka = testKafka();
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });
  const logLines: string[] = [];
  const spans = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(new RedactingSpanExporter(spans))],
  });
  let simulator: SimulatorProcess;
  let connector: RunningXbauConnector;

  beforeAll(async () => {
    // The same wrapper startTracing puts around Zipkin or OTLP, around an in-process exporter.
    trace.setGlobalTracerProvider(provider);
    await deliveriesFromNowOn(kafka, service);
    simulator = await startSimulatorProcess();
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    connector = await startXbauConnector(
      testConnectorConfig(service, simulator.url, { RETRY_MAX_ATTEMPTS: 2 }),
      { logger: createLogger(service, 'debug', logs) },
    );
  }, 120_000);
  afterAll(async () => {
    await connector.stop();
    await simulator.stop();
    await pool.end();
    await provider.shutdown();
    trace.disable();
  });

  it('given a name through every failure path, then the dead-letter headers, the log and the spans never carry it', async () => {
    const deliveryLetters = await collectFrom(kafka, `dlq.${service}.delivery-requested`);
    const replyLetters = await collectFrom(kafka, `dlq.${service}.replies`);
    const failing = [
      // xmlbuilder refuses the control character while mapping: a handler exception.
      ['mapping error', request('Zyxwort\u0000 Quxheim')],
      // XML can carry it, the XBau name pattern (DIN 91379 Latin) cannot: XSD-invalid.
      ['XSD pattern', request('Zyxwort Quxheim \u{1F600}')],
      // A form value where a code is expected: enumeration facet of the XSD.
      ['code list', request('Muster', 'Zyxwort Quxheim')],
    ] as const;
    const producer = await testProducer(kafka);
    for (const [, value] of failing) {
      await producer.send({
        topic: deliveryTopic,
        acks: -1,
        messages: [
          {
            key: value.applicationId,
            value: await serde.encode(
              `${deliveryTopic}-value`,
              schemaType('procedure/delivery-requested'),
              value,
            ),
            headers: { [eventHeaders.eventId]: randomUUID() },
          },
        ],
      });
    }
    // A reply quoting the name where the XSD wants a dateTime, for an application it may answer.
    const applicationId = randomUUID();
    await new DeliveredRecipients(pool).remember(applicationId, 'bab:05913000');
    const replyId = await simulator.injectReply(
      reply1120(applicationId).replace(
        /<erstellungszeitpunkt>[^<]*</,
        '<erstellungszeitpunkt>Zyxwort Quxheim<',
      ),
    );
    await connector.pollReplies();

    const letters = await eventually(
      () => {
        const found = failing.map(([, value]) =>
          deliveryLetters.received.find(
            (record) => record.message.key?.toString() === value.applicationId,
          ),
        );
        const reply = replyLetters.received.find(
          (record) => record.message.key?.toString() === replyId,
        );
        return found.every(Boolean) && reply ? [...found, reply] : undefined;
      },
      { timeoutMs: 60_000, what: 'a dead letter for every failure path' },
    );
    await provider.forceFlush();

    const codes = letters.map((letter) => letter?.message.headers?.['dlq-error-code']?.toString());
    expect(codes).toEqual(['UNCLASSIFIED_ERROR', 'XOEV_INVALID', 'XOEV_INVALID', 'XOEV_INVALID']);
    // The input did travel: the raw values keep it for replay, only the text around it must not.
    expect(letters.every((letter) => leaks.test(letter?.message.value?.toString() ?? ''))).toBe(
      true,
    );
    for (const letter of letters) expect(headerText(letter)).not.toMatch(leaks);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).not.toMatch(leaks);
    const exported = spans.getFinishedSpans();
    expect(exported.some((span) => span.attributes['hub.error.code'] !== undefined)).toBe(true);
    expect(
      JSON.stringify(
        exported.map((span) => ({
          status: span.status,
          attributes: span.attributes,
          events: span.events,
        })),
      ),
    ).not.toMatch(leaks);
  }, 120_000);
});
