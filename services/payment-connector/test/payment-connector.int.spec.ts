import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  eventTopics,
  examples,
  schemaType,
  topicCatalogue,
  type PaymentFailed,
  type PaymentLinkIssued,
  type PaymentRequested,
  type PaymentSettled,
  type SchemaName,
} from '@hub/contracts';
import { createLogger, ensureTopics, eventHeaders } from '@hub/kit';
import { paymentRequestIdFor } from '@hub/xbezahldienste';
import { collectFrom, eventually, platform, testKafka, testProducer } from '@hub/test-support';
import { paymentConnectorConfigSchema } from '../src/config.js';
import {
  startPaymentConnector,
  type RunningPaymentConnector,
} from '../src/payment-connector-service.js';
import {
  NOTIFICATION_SECRET,
  startSimulatorProcess,
  submitPayPage,
  type SimulatorProcess,
} from './simulator-process.js';

const kafka = testKafka();
const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
const stops: (() => Promise<void>)[] = [];
let simulator: SimulatorProcess;
let connector: RunningPaymentConnector;

beforeAll(async () => {
  await ensureTopics(
    kafka,
    topicCatalogue(eventTopics).map((spec) => ({ topic: spec.name, partitions: spec.partitions })),
  );
  simulator = await startSimulatorProcess((stop) => stops.push(stop));
  const endpoints = platform();
  connector = await startPaymentConnector(
    paymentConnectorConfigSchema.parse({
      KAFKA_BROKERS: endpoints.KAFKA_BROKERS,
      SCHEMA_REGISTRY_URL: endpoints.SCHEMA_REGISTRY_URL,
      DATABASE_URL: endpoints.DATABASE_URL,
      TRACE_EXPORTER: 'none',
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      OPS_PORT: '0',
      RETRY_INITIAL_DELAY_MS: '100',
      // The timer stays out of the way; tests poll explicitly with pollNow.
      POLL_INTERVAL_MS: '3600000',
      POLL_AFTER_MS: '60000',
      ABANDON_DEADLINE_MS: '3600000',
      PAYMENT_PROFILE_JSON: JSON.stringify({
        // Polling is per provider: a name of its own keeps this run's poller off older runs' rows.
        name: `simulator-${randomUUID().slice(0, 8)}`,
        baseUrl: simulator.url,
        originatorId: 'musterstadt',
        endpointId: 'bauamt',
        auth: { kind: 'none' },
        paymentMethods: ['CREDITCARD', 'PAYPAL'],
        timeoutMs: 1_000,
        notifications: { secret: NOTIFICATION_SECRET },
      }),
    }),
    { logger: createLogger('payment-connector-test', 'warn') },
  );
}, 60_000);

afterAll(async () => {
  await connector.stop();
  for (const stop of stops) await stop();
});

function paymentRequest(): PaymentRequested {
  return {
    ...examples['payment/payment-requested'],
    applicationId: randomUUID(),
    paymentId: randomUUID(),
    requestedAt: new Date(),
    amount: { amount: '62.50', currency: 'EUR' },
  };
}

async function send(requested: PaymentRequested, eventId = randomUUID()): Promise<void> {
  const producer = await testProducer(kafka);
  const topic = 'payment.payment-requested.v1';
  const value = await serde.encode(
    `${topic}-value`,
    schemaType('payment/payment-requested'),
    requested,
  );
  await producer.send({
    topic,
    acks: -1,
    messages: [
      { key: requested.applicationId, value, headers: { [eventHeaders.eventId]: eventId } },
    ],
  });
}

/** Everything published on `topic` for one application, decoded. */
async function watch<T>(topic: string, schema: SchemaName, applicationId: string) {
  const collected = await collectFrom(kafka, topic);
  const admin = kafka.admin();
  await admin.connect();
  const events = async (): Promise<T[]> =>
    Promise.all(
      collected.received
        .filter((r) => r.message.key?.toString() === applicationId)
        .map(
          async (r) =>
            (await serde.decode<T>(r.message.value ?? Buffer.alloc(0), schemaType(schema))).value,
        ),
    );
  return {
    events,
    /** The events once the collector has read everything the topic held when asked. */
    async settledCount(): Promise<T[]> {
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        () =>
          ends.every(
            ({ partition, high }) =>
              high === '0' ||
              collected.received.some(
                (r) => r.partition === partition && BigInt(r.message.offset) >= BigInt(high) - 1n,
              ),
          )
            ? true
            : undefined,
        { timeoutMs: 30_000, what: `the collector to reach the end of ${topic}` },
      );
      await admin.disconnect();
      return events();
    },
  };
}

async function linkFor(requested: PaymentRequested): Promise<PaymentLinkIssued> {
  const links = await watch<PaymentLinkIssued>(
    'payment.payment-link-issued.v1',
    'payment/payment-link-issued',
    requested.applicationId,
  );
  return eventually(async () => (await links.events())[0], {
    timeoutMs: 30_000,
    what: 'the payment link',
  });
}

async function transactionsOf(requested: PaymentRequested) {
  const requestId = paymentRequestIdFor(requested.paymentId);
  return (await simulator.transactions()).filter((t) => t.request.requestId === requestId);
}

describe('payment connector against the simulator, the real broker and database', () => {
  it('turns a payment request into one transaction and a link to the pay page', async () => {
    const requested = paymentRequest();
    const links = await watch<PaymentLinkIssued>(
      'payment.payment-link-issued.v1',
      'payment/payment-link-issued',
      requested.applicationId,
    );
    const eventId = randomUUID();
    await send(requested, eventId);
    await send(requested, eventId);

    const link = await eventually(async () => (await links.events())[0], {
      timeoutMs: 30_000,
      what: 'the payment link',
    });
    const [transaction, ...more] = await transactionsOf(requested);
    expect(more).toEqual([]);
    expect(link).toMatchObject({
      paymentId: requested.paymentId,
      providerTransactionId: transaction?.transactionId,
      paymentUrl: `${simulator.url}/pay/${transaction?.transactionId ?? ''}`,
    });
    await eventually(
      async () =>
        (await connector.store.get(requested.paymentId))?.state === 'LINK_ISSUED'
          ? true
          : undefined,
      { timeoutMs: 10_000, what: 'the stored link' },
    );
    expect(await links.settledCount()).toHaveLength(1);
  });

  it('creates exactly one transaction when the provider stores it but the answer times out', async () => {
    await simulator.setFaults({ timeoutNextCreates: 1 });
    const requested = paymentRequest();
    const links = await watch<PaymentLinkIssued>(
      'payment.payment-link-issued.v1',
      'payment/payment-link-issued',
      requested.applicationId,
    );
    await send(requested);

    await eventually(async () => (await links.events())[0], {
      timeoutMs: 30_000,
      what: 'the link after the retry',
    });
    expect(await transactionsOf(requested)).toHaveLength(1);
    expect(await links.settledCount()).toHaveLength(1);
  });

  it('settles once although every notification arrives three times', async () => {
    await simulator.setFaults({ duplicateNotifications: 2 });
    const requested = paymentRequest();
    const settled = await watch<PaymentSettled>(
      'payment.payment-settled.v1',
      'payment/payment-settled',
      requested.applicationId,
    );
    await send(requested);
    const link = await linkFor(requested);

    const paid = await submitPayPage(link.paymentUrl, 'pay', 'PAYPAL');
    expect(paid.status).toBe(303);
    await eventually(
      async () => {
        const mine = (await simulator.notifications()).filter(
          (n) => n.transactionId === link.providerTransactionId,
        );
        return mine.length === 3 && mine.every((n) => n.outcome === 'delivered') ? mine : undefined;
      },
      { timeoutMs: 30_000, what: 'three delivered notifications' },
    );
    await connector.checksIdle();

    const events = await settled.settledCount();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      paymentId: requested.paymentId,
      providerTransactionId: link.providerTransactionId,
      amount: { amount: '62.50', currency: 'EUR' },
      paymentMethod: 'PAYPAL',
    });
  });

  it('settles once through the poller when every notification is lost', async () => {
    await simulator.setFaults({ dropNotifications: true });
    const requested = paymentRequest();
    const settled = await watch<PaymentSettled>(
      'payment.payment-settled.v1',
      'payment/payment-settled',
      requested.applicationId,
    );
    await send(requested);
    const link = await linkFor(requested);
    await submitPayPage(link.paymentUrl, 'pay', 'CREDITCARD');

    // Not yet due: the link is younger than POLL_AFTER_MS.
    await connector.pollNow();
    expect((await connector.store.get(requested.paymentId))?.state).toBe('LINK_ISSUED');
    await connector.pollNow(new Date(Date.now() + 2 * 60_000));
    await connector.pollNow(new Date(Date.now() + 3 * 60_000));

    const events = await settled.settledCount();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      paymentId: requested.paymentId,
      paymentMethod: 'CREDIT_CARD',
    });
  });

  it('fails the payment as CANCELLED when the citizen cancels and returns', async () => {
    await simulator.setFaults({ dropNotifications: true });
    const requested = paymentRequest();
    const failed = await watch<PaymentFailed>(
      'payment.payment-failed.v1',
      'payment/payment-failed',
      requested.applicationId,
    );
    await send(requested);
    const link = await linkFor(requested);

    const cancelled = await submitPayPage(link.paymentUrl, 'cancel');
    const returnUrl = cancelled.headers.get('location') ?? '';
    expect(returnUrl).toBe(`${connector.url}/payments/return/${requested.paymentId}`);
    expect((await fetch(returnUrl)).status).toBe(200);

    const [event] = await eventually(
      async () => {
        const events = await failed.events();
        return events.length > 0 ? events : undefined;
      },
      { timeoutMs: 30_000, what: 'the failed event' },
    );
    expect(event).toMatchObject({ paymentId: requested.paymentId, reason: 'CANCELLED' });
  });

  it('withdraws an abandoned transaction at the deadline and fails it as EXPIRED', async () => {
    const requested = paymentRequest();
    const failed = await watch<PaymentFailed>(
      'payment.payment-failed.v1',
      'payment/payment-failed',
      requested.applicationId,
    );
    await send(requested);
    await linkFor(requested);
    await eventually(
      async () =>
        (await connector.store.get(requested.paymentId))?.state === 'LINK_ISSUED'
          ? true
          : undefined,
      { timeoutMs: 10_000, what: 'the stored link' },
    );

    await connector.pollNow(new Date(Date.now() + 2 * 3_600_000));

    expect((await transactionsOf(requested))[0]?.status).toBe('CANCELED');
    const events = await failed.settledCount();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'EXPIRED' });
  });

  it('reconcile flags a paid application the case router never delivered, with exit code 1', async () => {
    const from = new Date(Date.now() - 60_000);
    const requested = paymentRequest();
    await send(requested);
    const link = await linkFor(requested);
    const paid = await submitPayPage(link.paymentUrl, 'pay');
    await fetch(paid.headers.get('location') ?? '');
    await eventually(
      async () =>
        (await connector.store.get(requested.paymentId))?.state === 'SETTLED' ? true : undefined,
      { timeoutMs: 30_000, what: 'the settled payment' },
    );

    const cli = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        'tools/hub-cli/src/main.ts',
        'payments',
        'reconcile',
        '--from',
        from.toISOString(),
        '--to',
        new Date(Date.now() + 60_000).toISOString(),
      ],
      {
        cwd: new URL('../../../', import.meta.url).pathname,
        env: { ...process.env, DATABASE_URL: platform().DATABASE_URL },
      },
    ).then(
      (done) => ({ code: 0, stdout: done.stdout }),
      (error: unknown) => error as { code: number; stdout: string },
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(
      new RegExp(`PAID_NOT_DELIVERED\\s+${requested.applicationId}\\s+case unknown`),
    );
  });
});
