import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvroSerde, SchemaRegistryClient } from '@hub/avro-serde';
import {
  eventTopics,
  examples,
  schemaType,
  topicCatalogue,
  type CitizenStatusChanged,
  type PaymentFailed,
  type PaymentLinkIssued,
  type PaymentRefunded,
  type PaymentRequested,
  type PaymentSettled,
  type SchemaName,
} from '@hub/contracts';
import { createLogger, ensureTopics, eventHeaders, outboundId } from '@hub/kit';
import {
  DEFAULT_SIGNATURE_HEADER,
  DEFAULT_TIMESTAMP_HEADER,
  paymentRequestIdFor,
  signNotification,
} from '@hub/xbezahldienste';
import {
  collectFrom,
  eventually,
  platform,
  startGroupsAtEnd,
  testKafka,
  testProducer,
  uniqueServiceName,
} from '@hub/test-support';
import { paymentConnectorConfigSchema } from '../src/config.js';
import {
  startPaymentConnector,
  type RunningPaymentConnector,
} from '../src/payment-connector-service.js';
import {
  NOTIFICATION_SECRET,
  simulatorProfileJson,
  startSimulatorProcess,
  submitPayPage,
  type SimulatorProcess,
} from './simulator-process.js';

const kafka = testKafka();
const serde = new AvroSerde(new SchemaRegistryClient(platform().SCHEMA_REGISTRY_URL));
const stops: (() => Promise<void>)[] = [];
let simulator: SimulatorProcess;
let connector: RunningPaymentConnector;
const service = uniqueServiceName('payment-connector-it');

beforeAll(async () => {
  await ensureTopics(
    kafka,
    topicCatalogue(eventTopics).map((spec) => ({ topic: spec.name, partitions: spec.partitions })),
  );
  simulator = await startSimulatorProcess((stop) => stops.push(stop));
  const endpoints = platform();
  await startGroupsAtEnd(kafka, service, 'payment-connector');
  connector = await startPaymentConnector(
    paymentConnectorConfigSchema.parse({
      SERVICE_NAME: service,
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
      PAYMENT_PROFILE_JSON: simulatorProfileJson(
        `simulator-${randomUUID().slice(0, 8)}`,
        simulator.url,
        1_000,
      ),
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

/** Publishes a citizen status change for the application; resolves to where it landed. */
async function sendStatus(
  applicationId: string,
  state: CitizenStatusChanged['state'],
  eventId = randomUUID(),
): Promise<{ partition: number; offset: string }> {
  const producer = await testProducer(kafka);
  const topic = 'case.citizen-status-changed.v1';
  const change: CitizenStatusChanged = {
    ...examples['case/citizen-status-changed'],
    applicationId,
    changedAt: new Date(),
    state,
    actionRequired: false,
    actionText: null,
  };
  const value = await serde.encode(
    `${topic}-value`,
    schemaType('case/citizen-status-changed'),
    change,
  );
  const [written] = await producer.send({
    topic,
    acks: -1,
    messages: [{ key: applicationId, value, headers: { [eventHeaders.eventId]: eventId } }],
  });
  if (written?.baseOffset === undefined) throw new Error('no offset for the status change');
  return { partition: written.partition, offset: written.baseOffset };
}

/** Resolves once the rejection handler's group has committed past `record`: it was handled. */
async function handledThrough(record: { partition: number; offset: string }): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({
          groupId: `${service}.citizen-status-changed`,
          topics: ['case.citizen-status-changed.v1'],
        });
        const offset = committed?.partitions.find((p) => p.partition === record.partition)?.offset;
        return offset !== undefined && BigInt(offset) > BigInt(record.offset) ? true : undefined;
      },
      { timeoutMs: 30_000, what: `the status change at offset ${record.offset} to be handled` },
    );
  } finally {
    await admin.disconnect();
  }
}

async function stateOf(requested: PaymentRequested, expected: string): Promise<void> {
  await eventually(
    async () =>
      (await connector.store.get(requested.paymentId))?.state === expected ? true : undefined,
    { timeoutMs: 30_000, what: `the payment to be ${expected}` },
  );
}

/** A payment whose link is issued and stored; the citizen has not been to the pay page. */
async function openPayment(): Promise<{ requested: PaymentRequested; link: PaymentLinkIssued }> {
  const requested = paymentRequest();
  await send(requested);
  const link = await linkFor(requested);
  await stateOf(requested, 'LINK_ISSUED');
  return { requested, link };
}

/** A payment the citizen paid on the pay page and the hub verified after the return. */
async function paidPayment(): Promise<{ requested: PaymentRequested; link: PaymentLinkIssued }> {
  const open = await openPayment();
  const paid = await submitPayPage(open.link.paymentUrl, 'pay', 'PAYPAL');
  expect(paid.status).toBe(303);
  expect((await fetch(paid.headers.get('location') ?? '')).status).toBe(200);
  await stateOf(open.requested, 'SETTLED');
  return open;
}

/** Posts a notification as the provider would, signed with `secret` at `timestampSeconds`. */
function postNotification(
  body: string,
  signing: { secret?: string; timestampSeconds?: number } = {},
): Promise<Response> {
  const timestamp = signing.timestampSeconds ?? Math.floor(Date.now() / 1000);
  return fetch(`${connector.url}/payments/notifications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [DEFAULT_TIMESTAMP_HEADER]: String(timestamp),
      [DEFAULT_SIGNATURE_HEADER]: signNotification(
        signing.secret ?? NOTIFICATION_SECRET,
        timestamp,
        body,
      ),
    },
    body,
  });
}

function notificationFor(link: PaymentLinkIssued, requested: PaymentRequested): string {
  return JSON.stringify({
    originatorId: 'musterstadt',
    endpointId: 'bauamt',
    transactionId: link.providerTransactionId,
    requestId: paymentRequestIdFor(requested.paymentId),
    status: 'PAYED',
  });
}

async function notificationCount(verdict: string): Promise<number> {
  const metrics = await (await fetch(`http://127.0.0.1:${connector.opsPort}/metrics`)).text();
  const line = metrics
    .split('\n')
    .find((l) => l.startsWith(`payment_notifications_total{verdict="${verdict}"}`));
  return Number(line?.split(' ').pop() ?? 0);
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
        fileURLToPath(import.meta.resolve('@hub/hub-cli/main')),
        'payments',
        'reconcile',
        '--from',
        from.toISOString(),
        '--to',
        new Date(Date.now() + 60_000).toISOString(),
      ],
      {
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

describe('a rejected application', () => {
  it('refunds a paid fee once, however often and under whatever event id the rejection comes', async () => {
    const { requested, link } = await paidPayment();
    const refunded = await watch<PaymentRefunded>(
      'payment.payment-refunded.v1',
      'payment/payment-refunded',
      requested.applicationId,
    );
    const eventId = randomUUID();
    await sendStatus(requested.applicationId, 'REJECTED', eventId);
    await stateOf(requested, 'REFUNDED');

    await sendStatus(requested.applicationId, 'REJECTED', eventId);
    await handledThrough(await sendStatus(requested.applicationId, 'REJECTED'));

    const [transaction, ...more] = await transactionsOf(requested);
    expect(more).toEqual([]);
    expect(transaction?.transactionId).toBe(link.providerTransactionId);
    expect(transaction?.status).toBe('PAYED');
    const refundId = outboundId(requested.paymentId, 'refund');
    expect(transaction?.refunds).toEqual([
      { refundId: expect.any(String) as string, requestId: refundId, amountCents: 6250 },
    ]);
    const events = await refunded.settledCount();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      paymentId: requested.paymentId,
      refundId,
      amount: { amount: '62.50', currency: 'EUR' },
      reason: 'APPLICATION_REJECTED',
    });
    expect((await connector.store.get(requested.paymentId))?.state).toBe('REFUNDED');
  });

  it('withdraws an unpaid transaction at the provider and fails the payment as CANCELLED once', async () => {
    const { requested } = await openPayment();
    const failed = await watch<PaymentFailed>(
      'payment.payment-failed.v1',
      'payment/payment-failed',
      requested.applicationId,
    );
    const refunded = await watch<PaymentRefunded>(
      'payment.payment-refunded.v1',
      'payment/payment-refunded',
      requested.applicationId,
    );
    await sendStatus(requested.applicationId, 'REJECTED');
    await stateOf(requested, 'FAILED');
    await handledThrough(await sendStatus(requested.applicationId, 'REJECTED'));
    await connector.checksIdle();

    const [transaction, ...more] = await transactionsOf(requested);
    expect(more).toEqual([]);
    expect(transaction?.status).toBe('CANCELED');
    expect(transaction?.refunds).toEqual([]);
    const events = await failed.settledCount();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ paymentId: requested.paymentId, reason: 'CANCELLED' });
    expect(await refunded.settledCount()).toEqual([]);
  });

  it('settles then refunds a fee paid at the provider whose news the hub never got', async () => {
    await simulator.setFaults({ dropNotifications: true });
    const { requested, link } = await openPayment();
    const settled = await watch<PaymentSettled>(
      'payment.payment-settled.v1',
      'payment/payment-settled',
      requested.applicationId,
    );
    const refunded = await watch<PaymentRefunded>(
      'payment.payment-refunded.v1',
      'payment/payment-refunded',
      requested.applicationId,
    );
    await submitPayPage(link.paymentUrl, 'pay', 'PAYPAL');
    expect((await connector.store.get(requested.paymentId))?.state).toBe('LINK_ISSUED');

    await sendStatus(requested.applicationId, 'REJECTED');
    await stateOf(requested, 'REFUNDED');

    const [transaction] = await transactionsOf(requested);
    expect(transaction?.status).toBe('PAYED');
    expect(transaction?.refunds).toHaveLength(1);
    expect(await settled.settledCount()).toHaveLength(1);
    expect(await refunded.settledCount()).toHaveLength(1);
  });

  it('leaves payments alone on any other citizen state', async () => {
    const { requested } = await openPayment();
    await handledThrough(await sendStatus(requested.applicationId, 'COMPLETED'));

    expect((await transactionsOf(requested))[0]?.status).toBe('INITIAL');
    expect((await connector.store.get(requested.paymentId))?.state).toBe('LINK_ISSUED');
  });
});

describe('the notification endpoint', () => {
  it('refuses wrongly signed and stale notifications without a check, then accepts a valid one', async () => {
    await simulator.setFaults({ dropNotifications: true });
    const { requested, link } = await openPayment();
    const settled = await watch<PaymentSettled>(
      'payment.payment-settled.v1',
      'payment/payment-settled',
      requested.applicationId,
    );
    await submitPayPage(link.paymentUrl, 'pay', 'PAYPAL');
    const body = notificationFor(link, requested);
    const nowSeconds = Math.floor(Date.now() / 1000);

    const forged = await postNotification(body, { secret: 'not-the-provider-secret-at-all' });
    // Well outside the 300 s window, so a slow machine cannot bring them back into it.
    const stale = await postNotification(body, { timestampSeconds: nowSeconds - 400 });
    const early = await postNotification(body, { timestampSeconds: nowSeconds + 400 });
    const unsigned = await fetch(`${connector.url}/payments/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ reason: 'mismatch' });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ reason: 'outside-window' });
    expect(early.status).toBe(401);
    expect(await early.json()).toMatchObject({ reason: 'outside-window' });
    expect(unsigned.status).toBe(401);
    await connector.checksIdle();
    expect((await connector.store.get(requested.paymentId))?.state).toBe('LINK_ISSUED');

    expect((await postNotification(body)).status).toBe(202);
    await stateOf(requested, 'SETTLED');
    expect(await settled.settledCount()).toHaveLength(1);
  });

  it('answers a malformed body with 400', async () => {
    const notJson = await postNotification('{"transactionId":');
    const noTransaction = await postNotification(
      JSON.stringify({ originatorId: 'musterstadt', endpointId: 'bauamt', status: 'PAYED' }),
    );

    expect(notJson.status).toBe(400);
    expect(noTransaction.status).toBe(400);
    expect(await noTransaction.json()).toMatchObject({ issues: ['transactionId'] });
  });

  it('accepts a notification for an unknown transaction and neither checks nor publishes', async () => {
    await simulator.setFaults({ dropNotifications: true });
    const { requested, link } = await openPayment();
    const settled = await watch<PaymentSettled>(
      'payment.payment-settled.v1',
      'payment/payment-settled',
      requested.applicationId,
    );
    await submitPayPage(link.paymentUrl, 'pay', 'PAYPAL');
    const unknownBefore = await notificationCount('unknown-transaction');

    const reply = await postNotification(
      JSON.stringify({
        originatorId: 'musterstadt',
        endpointId: 'bauamt',
        transactionId: randomUUID(),
        requestId: randomUUID(),
        status: 'PAYED',
      }),
    );

    expect(reply.status).toBe(202);
    await connector.checksIdle();
    expect(await notificationCount('unknown-transaction')).toBe(unknownBefore + 1);
    expect((await connector.store.get(requested.paymentId))?.state).toBe('LINK_ISSUED');
    expect(await settled.settledCount()).toEqual([]);
  });
});
