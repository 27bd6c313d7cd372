import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest } from './payment-fixtures.js';

const credentials = { clientId: 'hub-payment-connector', clientSecret: 'a client secret' };

describe('authenticating against the provider', () => {
  it('OAuth2: fetches one token and reuses it until it expires', async () => {
    const simulator = await simulatorForTest({ auth: { kind: 'oauth2', ...credentials } });
    const client = clientFor(simulator, {
      auth: { kind: 'oauth2', tokenUrl: `${simulator.url}/oauth/token`, ...credentials },
    });

    const created = await client.createTransaction(paymentFor(randomUUID()));
    await client.getTransaction(created.transactionId);

    expect(simulator.admin.tokensIssued()).toBe(1);
  });

  it('OAuth2: a token the provider no longer accepts is renewed once, transparently', async () => {
    const simulator = await simulatorForTest({ auth: { kind: 'oauth2', ...credentials } });
    const client = clientFor(simulator, {
      auth: { kind: 'oauth2', tokenUrl: `${simulator.url}/oauth/token`, ...credentials },
    });
    const created = await client.createTransaction(paymentFor(randomUUID()));

    simulator.admin.revokeTokens();

    expect((await client.getTransaction(created.transactionId)).status).toBe('INITIAL');
    expect(simulator.admin.tokensIssued()).toBe(2);
  });

  it('OAuth2: wrong client credentials → PAYMENT_PROVIDER_AUTH_FAILED, fatal', async () => {
    const simulator = await simulatorForTest({ auth: { kind: 'oauth2', ...credentials } });
    const client = clientFor(simulator, {
      auth: {
        kind: 'oauth2',
        tokenUrl: `${simulator.url}/oauth/token`,
        clientId: credentials.clientId,
        clientSecret: 'guessed',
      },
    });

    await expect(client.createTransaction(paymentFor(randomUUID()))).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_AUTH_FAILED',
      retryable: false,
    });
    expect(simulator.transactions.size).toBe(0);
  });

  it('basic auth: the right password works, a wrong one is fatal', async () => {
    const simulator = await simulatorForTest({
      auth: { kind: 'basic', username: 'musterstadt', password: 'right' },
    });
    const good = clientFor(simulator, {
      auth: { kind: 'basic', username: 'musterstadt', password: 'right' },
    });
    const bad = clientFor(simulator, {
      auth: { kind: 'basic', username: 'musterstadt', password: 'wrong' },
    });

    await good.createTransaction(paymentFor(randomUUID()));
    await expect(bad.createTransaction(paymentFor(randomUUID()))).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_AUTH_FAILED',
      retryable: false,
    });
    expect(simulator.transactions.size).toBe(1);
  });
});
