import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest } from './payment-fixtures.js';

describe('creating a payment transaction (XBezahldienste POST)', () => {
  it('a provider timeout during create, then a retry → exactly one transaction', async () => {
    const simulator = await simulatorForTest({ faults: { timeoutNextCreates: 1 } });
    const client = clientFor(simulator, { timeoutMs: 500 });
    const payment = paymentFor(randomUUID());

    await expect(client.createTransaction(payment)).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_TIMEOUT',
      retryable: true,
    });
    expect(simulator.transactions.size).toBe(1);

    const retried = await client.createTransaction(payment);

    expect(simulator.transactions.size).toBe(1);
    expect(simulator.transactions.all()[0]?.transactionId).toBe(retried.transactionId);
    expect(retried.status).toBe('INITIAL');
    expect(retried.payPageUrl).toBe(`${simulator.url}/pay/${retried.transactionId}`);
  });

  it('is idempotent when the same event is delivered twice', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const eventId = randomUUID();

    const first = await client.createTransaction(paymentFor(eventId));
    const second = await client.createTransaction(paymentFor(eventId));

    expect(second.transactionId).toBe(first.transactionId);
    expect(simulator.transactions.size).toBe(1);
  });

  it('creates one transaction per event', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);

    const first = await client.createTransaction(paymentFor(randomUUID()));
    const second = await client.createTransaction(paymentFor(randomUUID()));

    expect(second.transactionId).not.toBe(first.transactionId);
    expect(simulator.transactions.size).toBe(2);
  });

  it('sends the amount with two places, the items and the configured payment methods', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator, { paymentMethods: ['GIROCARD', 'SEPA'] });

    const created = await client.createTransaction(paymentFor(randomUUID()));

    const stored = simulator.transactions.get(created.transactionId);
    expect(stored?.request).toMatchObject({
      grosAmount: 62.5,
      currency: 'EUR',
      paymentMethods: ['GIROCARD', 'SEPA'],
      items: [{ totalNetAmount: 50 }, { totalNetAmount: 12.5 }],
    });
  });

  it('refuses a reused requestId for another amount as a fatal conflict', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const eventId = randomUUID();
    await client.createTransaction(paymentFor(eventId));

    const changed = paymentFor(eventId, {
      amount: '50.00',
      items: [
        { reference: 'GEB-1', description: 'Grundgebühr', quantity: 1, totalAmount: '50.00' },
      ],
    });

    await expect(client.createTransaction(changed)).rejects.toMatchObject({
      code: 'PAYMENT_TRANSACTION_CONFLICT',
      retryable: false,
    });
    expect(simulator.transactions.size).toBe(1);
  });
});
