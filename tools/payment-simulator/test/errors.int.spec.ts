import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest } from './payment-fixtures.js';

describe('provider errors, classified at the edge', () => {
  it.each([503, 500, 429])(
    'HTTP %i → PAYMENT_PROVIDER_UNAVAILABLE, retryable; the retry creates one transaction',
    async (status) => {
      const simulator = await simulatorForTest({
        faults: { failNextCalls: 1, failStatus: status },
      });
      const client = clientFor(simulator);
      const payment = paymentFor(randomUUID());

      await expect(client.createTransaction(payment)).rejects.toMatchObject({
        code: 'PAYMENT_PROVIDER_UNAVAILABLE',
        retryable: true,
      });
      await client.createTransaction(payment);

      expect(simulator.transactions.size).toBe(1);
    },
  );

  it('a request the provider refuses (HTTP 400) → PAYMENT_REQUEST_REJECTED, fatal', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);

    const tooLongPurpose = paymentFor(randomUUID(), { purpose: 'x'.repeat(141) });

    await expect(client.createTransaction(tooLongPurpose)).rejects.toMatchObject({
      code: 'PAYMENT_REQUEST_REJECTED',
      retryable: false,
    });
    expect(simulator.transactions.size).toBe(0);
  });

  it('an unknown transaction (HTTP 404) → PAYMENT_TRANSACTION_NOT_FOUND, fatal', async () => {
    const simulator = await simulatorForTest();

    await expect(clientFor(simulator).getTransaction(randomUUID())).rejects.toMatchObject({
      code: 'PAYMENT_TRANSACTION_NOT_FOUND',
      retryable: false,
    });
  });

  it('does not show a transaction to another originator', async () => {
    const simulator = await simulatorForTest();
    const created = await clientFor(simulator).createTransaction(paymentFor(randomUUID()));

    const neighbour = clientFor(simulator, { originatorId: 'nachbarstadt' });

    await expect(neighbour.getTransaction(created.transactionId)).rejects.toMatchObject({
      code: 'PAYMENT_TRANSACTION_NOT_FOUND',
    });
  });

  it('a slow provider → PAYMENT_PROVIDER_TIMEOUT, retryable', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator, { timeoutMs: 200 });
    const created = await client.createTransaction(paymentFor(randomUUID()));
    simulator.admin.setFaults({ latencyMs: 1_000 });

    await expect(client.getTransaction(created.transactionId)).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_TIMEOUT',
      retryable: true,
    });
  });

  it('no provider listening → PAYMENT_PROVIDER_UNAVAILABLE, retryable', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    await simulator.stop();

    await expect(client.getTransaction(randomUUID())).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_UNAVAILABLE',
      retryable: true,
    });
  });
});
