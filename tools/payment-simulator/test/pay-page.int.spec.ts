import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest, submitPayPage } from './payment-fixtures.js';

describe('the pay page and the verified outcome (XBezahldienste GET)', () => {
  it('shows the payment and the configured payment methods', async () => {
    const simulator = await simulatorForTest();
    const created = await clientFor(simulator).createTransaction(paymentFor(randomUUID()));

    const page = await fetch(created.payPageUrl);

    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('62.50 EUR');
    expect(html).toContain('<option value="PAYPAL">');
  });

  it('pay → the citizen is sent back, and GET shows PAYED with the method used', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const payment = paymentFor(randomUUID());
    const created = await client.createTransaction(payment);

    const returned = await submitPayPage(created.payPageUrl, 'pay', 'PAYPAL');

    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(payment.redirectUrl);
    expect(await client.getTransaction(created.transactionId)).toEqual({
      transactionId: created.transactionId,
      status: 'PAYED',
      requestId: payment.requestId,
      amount: '62.50',
      paymentMethod: 'PAYPAL',
    });
  });

  it.each([
    ['cancel', 'CANCELED'],
    ['fail', 'FAILED'],
  ] as const)('%s → GET shows %s', async (action, status) => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const created = await client.createTransaction(paymentFor(randomUUID()));

    await submitPayPage(created.payPageUrl, action);

    expect((await client.getTransaction(created.transactionId)).status).toBe(status);
  });

  it('a second click after paying changes nothing', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const created = await client.createTransaction(paymentFor(randomUUID()));

    await submitPayPage(created.payPageUrl, 'pay');
    const again = await submitPayPage(created.payPageUrl, 'cancel');

    expect(again.status).toBe(303);
    expect((await client.getTransaction(created.transactionId)).status).toBe('PAYED');
  });

  it('refuses a payment method the profile did not offer', async () => {
    const simulator = await simulatorForTest();
    const client = clientFor(simulator);
    const created = await client.createTransaction(paymentFor(randomUUID()));

    const refused = await submitPayPage(created.payPageUrl, 'pay', 'GIROPAY');

    expect(refused.status).toBe(400);
    expect((await client.getTransaction(created.transactionId)).status).toBe('INITIAL');
  });

  it('the return alone proves nothing: stuck at INITIAL until the provider catches up', async () => {
    const simulator = await simulatorForTest({ faults: { stuckAtInitial: true } });
    const client = clientFor(simulator);
    const created = await client.createTransaction(paymentFor(randomUUID()));

    const returned = await submitPayPage(created.payPageUrl, 'pay');
    expect(returned.status).toBe(303);
    expect((await client.getTransaction(created.transactionId)).status).toBe('INITIAL');

    const cleared = await fetch(`${simulator.url}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cleared.status).toBe(200);
    expect((await client.getTransaction(created.transactionId)).status).toBe('PAYED');
  });
});
