import { randomUUID } from 'node:crypto';
import { paymentRequestIdFor } from '@hub/xbezahldienste';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest, submitPayPage } from './payment-fixtures.js';

async function paidTransaction() {
  const simulator = await simulatorForTest();
  const client = clientFor(simulator);
  const created = await client.createTransaction(paymentFor(randomUUID()));
  await submitPayPage(created.payPageUrl, 'pay');
  return { simulator, client, transactionId: created.transactionId };
}

describe('cancel and refund when the procedure rejects the application', () => {
  it('cancels an unpaid transaction, and cancelling again is harmless', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const created = await client.createTransaction(paymentFor(randomUUID()));

    expect((await client.cancelTransaction(created.transactionId)).status).toBe('CANCELED');
    expect((await client.cancelTransaction(created.transactionId)).status).toBe('CANCELED');
    expect((await client.getTransaction(created.transactionId)).status).toBe('CANCELED');
  });

  it('refuses to cancel a paid transaction: PAYMENT_TRANSACTION_CONFLICT, fatal', async () => {
    const { client, transactionId } = await paidTransaction();

    await expect(client.cancelTransaction(transactionId)).rejects.toMatchObject({
      code: 'PAYMENT_TRANSACTION_CONFLICT',
      retryable: false,
    });
  });

  it('refunds a paid transaction once, however often the rejection is delivered', async () => {
    const { simulator, client, transactionId } = await paidTransaction();
    const refund = { requestId: paymentRequestIdFor(randomUUID()), amount: '62.50' };

    const first = await client.refundTransaction(transactionId, refund);
    const again = await client.refundTransaction(transactionId, refund);

    expect(first).toEqual({ refundId: again.refundId, transactionId, amount: '62.50' });
    expect(simulator.transactions.get(transactionId)?.refunds).toHaveLength(1);
  });

  it('refuses to refund more than was paid', async () => {
    const { client, transactionId } = await paidTransaction();

    await expect(
      client.refundTransaction(transactionId, {
        requestId: paymentRequestIdFor(randomUUID()),
        amount: '62.51',
      }),
    ).rejects.toMatchObject({ code: 'PAYMENT_TRANSACTION_CONFLICT', retryable: false });
  });
});
