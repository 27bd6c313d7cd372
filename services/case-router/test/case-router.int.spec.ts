import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  eventTopics,
  examples,
  schemaType,
  topicCatalogue,
  topics,
  type ApplicationSubmitted,
  type CitizenStatusChanged,
  type LabReportReceived,
  type PaymentSettled,
  type SchemaName,
  type StatusReported,
} from '@hub/contracts';
import {
  createLogger,
  deadLetter,
  deadLetterHeaders,
  ensureTopics,
  eventHeaders,
  textHeaders,
} from '@hub/kit';
import {
  collectFrom,
  eventually,
  platform,
  startGroupsAtEnd,
  testKafka,
  testProducer,
  uniqueGroup,
  uniqueServiceName,
} from '@hub/test-support';
import { startCaseRouter, type RunningCaseRouter } from '../src/case-router-service.js';
import { caseRouterConfigSchema } from '../src/config.js';
import { paymentIdOf } from '../src/fee-guard.js';

describe('case router on the real broker and database', () => {
  let router: RunningCaseRouter;
  const kafka = testKafka();
  const service = uniqueServiceName('case-router-it');
  const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
  const pool = new pg.Pool({ connectionString: platform().DATABASE_URL, max: 2 });

  beforeAll(async () => {
    await ensureTopics(
      kafka,
      topicCatalogue(eventTopics).map((spec) => ({
        topic: spec.name,
        partitions: spec.partitions,
      })),
    );
    const endpoints = platform();
    await startGroupsAtEnd(kafka, service, 'case-router');
    router = await startCaseRouter(
      caseRouterConfigSchema.parse({
        SERVICE_NAME: service,
        KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
        DATABASE_URL: endpoints.DATABASE_URL,
        ROUTING_TABLE_FILE: fileURLToPath(
          import.meta.resolve('@hub/deploy-config/routing-table.json'),
        ),
        TRACE_EXPORTER: 'none',
        OPS_PORT: '0',
      }),
      { logger: createLogger('case-router-test', 'warn') },
    );
  });
  afterAll(async () => {
    await router.stop();
    await pool.end();
  });

  async function send(
    topic: string,
    schema: SchemaName,
    value: { applicationId: string | null },
    eventId = randomUUID(),
    key = value.applicationId,
  ) {
    const producer = await testProducer(kafka);
    const bytes = await serde.encode(`${topic}-value`, schemaType(schema), value);
    await producer.send({
      topic,
      acks: -1,
      messages: [{ key, value: bytes, headers: { [eventHeaders.eventId]: eventId } }],
    });
  }

  async function decoded<T>(
    records: { message: { key: Buffer | null; value: Buffer | null } }[],
    applicationId: string,
    schema: SchemaName,
  ): Promise<T[]> {
    const mine = records.filter((r) => r.message.key?.toString() === applicationId);
    return Promise.all(
      mine.map(
        async (r) =>
          (await serde.decode<T>(r.message.value ?? Buffer.alloc(0), schemaType(schema))).value,
      ),
    );
  }

  function freeApplication(): ApplicationSubmitted {
    // Dortmund's neighbour 05315000 (Köln) charges no fee in the routing table.
    return {
      ...examples['portal/application-submitted'],
      applicationId: randomUUID(),
      serviceKey: '99010003001000',
      municipalityKey: '05315000',
      fee: null,
    };
  }

  it('routes a submitted application to its procedure once, even when the event is delivered twice', async () => {
    const deliveries = await collectFrom(kafka, 'procedure.delivery-requested.v1');
    const citizen = await collectFrom(kafka, 'case.citizen-status-changed.v1');
    const application = freeApplication();
    const eventId = randomUUID();
    await send(
      'portal.application-submitted.v1',
      'portal/application-submitted',
      application,
      eventId,
    );
    await send(
      'portal.application-submitted.v1',
      'portal/application-submitted',
      application,
      eventId,
    );

    await eventually(
      async () =>
        (
          await decoded(
            deliveries.received,
            application.applicationId,
            'procedure/delivery-requested',
          )
        ).length > 0
          ? true
          : undefined,
      {
        timeoutMs: 30_000,
        what: 'the delivery request',
      },
    );
    // A later event of the same application (same partition, in order) proves the duplicate was handled before it.
    await send('procedure.application-delivered.v1', 'procedure/application-delivered', {
      ...examples['procedure/application-delivered'],
      applicationId: application.applicationId,
    });
    const states = await eventually(
      async () => {
        const changes = await decoded<CitizenStatusChanged>(
          citizen.received,
          application.applicationId,
          'case/citizen-status-changed',
        );
        return changes.some((c) => c.state === 'RECEIVED')
          ? changes.map((c) => c.state)
          : undefined;
      },
      { timeoutMs: 30_000, what: 'the RECEIVED status' },
    );
    expect(states).toEqual(['SUBMITTED', 'RECEIVED']);
    expect(
      await decoded(deliveries.received, application.applicationId, 'procedure/delivery-requested'),
    ).toHaveLength(1);
    expect((await router.store.history(application.applicationId)).map((h) => h.toState)).toEqual([
      'DELIVERY_REQUESTED',
      'DELIVERED',
    ]);
  });

  it('answers an application for an unknown service with REJECTED and a reason', async () => {
    const citizen = await collectFrom(kafka, 'case.citizen-status-changed.v1');
    const application = { ...freeApplication(), serviceKey: '99999999999999' };
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    const [change] = await eventually(
      async () => {
        const changes = await decoded<CitizenStatusChanged>(
          citizen.received,
          application.applicationId,
          'case/citizen-status-changed',
        );
        return changes.length > 0 ? changes : undefined;
      },
      { timeoutMs: 30_000, what: 'the rejection' },
    );
    expect(change).toMatchObject({ state: 'REJECTED' });
    expect(change?.statusText).toContain('99999999999999');
  });

  function feeApplication(): ApplicationSubmitted {
    // Dortmund charges 250.00 EUR for a building permit in the routing table.
    return { ...freeApplication(), municipalityKey: '05913000' };
  }

  async function historyOf(
    applicationId: string,
    what: string,
    done: (states: string[]) => boolean,
  ) {
    return eventually(
      async () => {
        const states = (await router.store.history(applicationId)).map((h) => h.toState);
        return done(states) ? states : undefined;
      },
      { timeoutMs: 30_000, what },
    );
  }

  async function deadLettersOf(
    records: { message: { key: Buffer | null; headers?: Parameters<typeof textHeaders>[0] } }[],
    applicationId: string,
    count: number,
    what: string,
  ) {
    return eventually(
      () => {
        const mine = records
          .filter((r) => r.message.key?.toString() === applicationId)
          .map((r) => textHeaders(r.message.headers));
        return Promise.resolve(mine.length >= count ? mine : undefined);
      },
      { timeoutMs: 60_000, what },
    );
  }

  it('dead-letters a forged "Bescheid erteilt" from another authority for an unpaid, undelivered case and leaves it awaiting payment', async () => {
    const { received: deadLetters } = await collectFrom(kafka, `dlq.${service}.status-reported`);
    const citizen = await collectFrom(kafka, 'case.citizen-status-changed.v1');
    const application = feeApplication();
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    await historyOf(application.applicationId, 'the case awaiting payment', (s) => s.length > 0);

    const forged: StatusReported = {
      ...examples['procedure/status-reported'],
      applicationId: application.applicationId,
      statusCode: '10',
      statusText: 'Bescheid erteilt',
      authorityId: 'bab:05315000',
    };
    await send('procedure.status-reported.v1', 'procedure/status-reported', forged);
    // From the routed authority, but the case was never delivered: refused as well.
    const fromRoutedAuthority: StatusReported = { ...forged, authorityId: 'bab:05913000' };
    await send('procedure.status-reported.v1', 'procedure/status-reported', fromRoutedAuthority);

    const [wrongAuthority, notExpected] = await deadLettersOf(
      deadLetters,
      application.applicationId,
      2,
      'both replies in the dead-letter topic',
    );
    expect(wrongAuthority?.[deadLetterHeaders.errorCode]).toBe('REPLY_WRONG_AUTHORITY');
    expect(notExpected?.[deadLetterHeaders.errorCode]).toBe('REPLY_NOT_EXPECTED');
    // A pay link (from a payment connector, if one runs) may be recorded; nothing else may.
    const history = await router.store.history(application.applicationId);
    expect(new Set(history.map((h) => h.toState))).toEqual(new Set(['AWAITING_PAYMENT']));
    const states = (
      await decoded<CitizenStatusChanged>(
        citizen.received,
        application.applicationId,
        'case/citizen-status-changed',
      )
    ).map((c) => c.state);
    expect(states).not.toContain('COMPLETED');
  });

  it('shows DELIVERY_FAILED when the delivery request is dead-lettered at the XBau connector', async () => {
    const deliveries = await collectFrom(kafka, 'procedure.delivery-requested.v1');
    const citizen = await collectFrom(kafka, 'case.citizen-status-changed.v1');
    const application = freeApplication();
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    const request = await eventually(
      () =>
        Promise.resolve(
          deliveries.received.find((r) => r.message.key?.toString() === application.applicationId),
        ),
      { timeoutMs: 30_000, what: 'the delivery request' },
    );

    // What the XBau connector's consumer group writes when it gives up on the request.
    const group = 'xbau-connector.delivery-requested';
    const dead = deadLetter(
      group,
      {
        topic: request.topic,
        partition: request.partition,
        offset: request.message.offset,
        key: request.message.key,
        value: request.message.value,
        headers: textHeaders(request.message.headers),
      },
      {
        code: 'XBAU_SCHEMA_INVALID',
        message: 'Antrag does not validate against the XBau schema.',
        attempts: 1,
        firstFailureAt: new Date(),
        lastFailureAt: new Date(),
      },
    );
    const producer = await testProducer(kafka);
    await producer.send({ topic: `dlq.${group}`, acks: -1, messages: [dead] });

    const changes = await eventually(
      async () => {
        const mine = await decoded<CitizenStatusChanged>(
          citizen.received,
          application.applicationId,
          'case/citizen-status-changed',
        );
        return mine.some((c) => c.state === 'DELIVERY_FAILED') ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'DELIVERY_FAILED on the citizen timeline' },
    );
    expect(changes.map((c) => [c.sequence, c.state])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'DELIVERY_FAILED'],
    ]);
    expect(changes[1]?.statusText).toBe(
      'Ihr Antrag konnte nicht zugestellt werden; die Stadt kümmert sich darum.',
    );
    expect(
      await historyOf(application.applicationId, 'the failed delivery', (s) => s.length >= 2),
    ).toEqual(['DELIVERY_REQUESTED', 'DELIVERY_FAILED']);
  });

  it('dead-letters a payment settled for less than the fee and delivers only once the fee is paid in full', async () => {
    const { received: deadLetters } = await collectFrom(kafka, `dlq.${service}.payment-settled`);
    const deliveries = await collectFrom(kafka, 'procedure.delivery-requested.v1');
    const application = feeApplication();
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    await historyOf(application.applicationId, 'the case awaiting payment', (s) => s.length > 0);

    const settled: PaymentSettled = {
      ...examples['payment/payment-settled'],
      applicationId: application.applicationId,
      paymentId: paymentIdOf(application.applicationId),
      amount: { amount: '0.01', currency: 'EUR' },
    };
    await send('payment.payment-settled.v1', 'payment/payment-settled', settled);
    const [refused] = await deadLettersOf(
      deadLetters,
      application.applicationId,
      1,
      'the short payment in the dead-letter topic',
    );
    expect(refused?.[deadLetterHeaders.errorCode]).toBe('PAYMENT_AMOUNT_MISMATCH');
    const beforeFullPayment = await router.store.history(application.applicationId);
    expect(new Set(beforeFullPayment.map((h) => h.toState))).toEqual(new Set(['AWAITING_PAYMENT']));

    const paidInFull: PaymentSettled = {
      ...settled,
      amount: { amount: '250.00', currency: 'EUR' },
    };
    await send('payment.payment-settled.v1', 'payment/payment-settled', paidInFull);
    await historyOf(application.applicationId, 'the delivery request', (s) =>
      s.includes('DELIVERY_REQUESTED'),
    );
    const requests = await eventually(
      async () => {
        const mine = await decoded(
          deliveries.received,
          application.applicationId,
          'procedure/delivery-requested',
        );
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'the delivery request on the topic' },
    );
    expect(requests).toHaveLength(1);
  });

  it('orders the lab for a drinking-water application, completes it with the lab’s result, and passes over reports of no case of its own', async () => {
    const orders = await collectFrom(kafka, 'procedure.xwasser.delivery-requested.v1');
    const citizen = await collectFrom(kafka, 'case.citizen-status-changed.v1');
    const { received: deadLetters } = await collectFrom(
      kafka,
      `dlq.${service}.lab-report-received`,
    );
    // Dortmund, "Trinkwasseruntersuchung beantragen": the routing table's xwasser route.
    const application = {
      ...freeApplication(),
      serviceKey: '99108016000000',
      municipalityKey: '05913000',
    };
    await send('portal.application-submitted.v1', 'portal/application-submitted', application);
    await eventually(
      async () =>
        (await decoded(orders.received, application.applicationId, 'procedure/delivery-requested'))
          .length > 0 || undefined,
      { timeoutMs: 30_000, what: 'the lab order on the xwasser delivery topic' },
    );

    // Keyed by the examination, as the XWasser connector publishes them: one partition, in order.
    const caseId = randomUUID();
    const example = examples['health/lab-report-received'];
    const [sample] = example.samples;
    const [measured] = sample?.measurements ?? [];
    if (!sample || !measured) throw new TypeError('the example report has a measured sample');
    const lead = { ...measured, parameterName: 'Blei', limitExceeded: true };
    const report = (applicationId: string | null): LabReportReceived => ({
      ...example,
      caseId,
      reportId: randomUUID(),
      applicationId,
      samples: [{ ...sample, measurements: [lead] }],
      limitsExceeded: 1,
    });
    const labReport = 'health.lab-report-received.v1';
    const schema = 'health/lab-report-received';
    // Ordered by the health office itself, and for an application this router never saw.
    await send(labReport, schema, report(null), randomUUID(), caseId);
    await send(labReport, schema, report(randomUUID()), randomUUID(), caseId);
    await send(labReport, schema, report(application.applicationId), randomUUID(), caseId);

    const steps = await eventually(
      async () => {
        const changes = await decoded<CitizenStatusChanged>(
          citizen.received,
          application.applicationId,
          'case/citizen-status-changed',
        );
        return changes.some((c) => c.state === 'COMPLETED') ? changes : undefined;
      },
      { timeoutMs: 30_000, what: 'the lab result on the citizen timeline' },
    );
    expect(steps.map((c) => [c.state, c.statusText])).toEqual([
      ['SUBMITTED', 'Ihr Antrag ist eingegangen und wird an die zuständige Stelle weitergeleitet.'],
      ['COMPLETED', 'Grenzwert für Blei überschritten; das Gesundheitsamt meldet sich bei Ihnen.'],
    ]);
    expect((await router.store.history(application.applicationId)).map((h) => h.toState)).toEqual([
      'DELIVERY_REQUESTED',
      'COMPLETED',
    ]);
    // The reports before it were done with first (same key), and none of them was dead-lettered.
    expect(deadLetters.filter((r) => r.message.key?.toString() === caseId)).toEqual([]);
  });

  // ADR 0028: a consumer acting on the router's events at once must find the case committed.
  async function caseExists(applicationId: string): Promise<boolean> {
    const { rowCount } = await pool.query(
      'select 1 from case_router_cases where application_id = $1',
      [applicationId],
    );
    return rowCount === 1;
  }

  it('publishes a delivery request only once its case is committed, also for a batch of 60', async () => {
    const applications = Array.from({ length: 60 }, freeApplication);
    const mine = new Set(applications.map((a) => a.applicationId));
    const seen = new Map<string, boolean>();
    // Reacts like the XBau connector: looks the case up the moment the request arrives.
    const consumer = kafka.consumer({ groupId: uniqueGroup('outbox-watch'), maxWaitTimeInMs: 50 });
    await consumer.connect();
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => {
        resolve();
      });
    });
    await consumer.subscribe({ topic: topics.deliveryRequested.name, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = message.key?.toString() ?? '';
        if (mine.has(id) && !seen.has(id)) seen.set(id, await caseExists(id));
      },
    });
    try {
      await joined;
      // The group's first fetch fixes its start at the topic's end; give it that fetch.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const producer = await testProducer(kafka);
      const spec = topics.applicationSubmitted;
      const messages = await Promise.all(
        applications.map(async (application) => ({
          key: application.applicationId,
          value: await serde.encode(
            `${spec.name}-value`,
            schemaType(spec.valueSchema),
            application,
          ),
          headers: { [eventHeaders.eventId]: randomUUID() },
        })),
      );
      // One produce request: the router fetches them together and decides them in one group commit.
      await producer.send({ topic: spec.name, acks: -1, messages });
      await eventually(() => (seen.size === mine.size ? true : undefined), {
        timeoutMs: 30_000,
        what: 'a delivery request for each of the 60 applications',
      });
    } finally {
      await consumer.disconnect();
    }
    const missing = [...seen].filter(([, exists]) => !exists).length;
    expect(missing, 'delivery requests whose case was not yet committed').toBe(0);
  });

  it('sends what a crash left in the outbox once it is a minute old, and forgets it', async () => {
    const spec = topics.citizenStatusChanged;
    const applicationId = randomUUID();
    const eventId = randomUUID();
    const value = { ...examples['case/citizen-status-changed'], applicationId };
    // What a router that crashed between its commit and the publish leaves behind.
    await pool.query(
      `insert into case_router_outbox (event_id, cause_event_id, topic, record_key, value, created_at)
       values ($1, $2, $3, $4, $5, now() - interval '2 minutes')`,
      [
        eventId,
        randomUUID(),
        spec.name,
        applicationId,
        schemaType(spec.valueSchema).toBuffer(value),
      ],
    );
    const consumer = kafka.consumer({ groupId: uniqueGroup('outbox-stale'), maxWaitTimeInMs: 50 });
    const received: { eventId: string; value: unknown }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: spec.name, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() !== applicationId) return;
        received.push({
          eventId: message.headers?.[eventHeaders.eventId]?.toString() ?? '',
          value: (
            await serde.decode(message.value ?? Buffer.alloc(0), schemaType(spec.valueSchema))
          ).value,
        });
      },
    });
    try {
      await router.applyDeadlines();
      await eventually(() => (received.length > 0 ? true : undefined), {
        timeoutMs: 30_000,
        what: 'the leftover citizen status on its topic',
      });
    } finally {
      await consumer.disconnect();
    }
    expect(received).toEqual([{ eventId, value }]);
    const { rowCount } = await pool.query('select 1 from case_router_outbox where event_id = $1', [
      eventId,
    ]);
    expect(rowCount).toBe(0);
  });
});
