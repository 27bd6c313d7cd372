import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientFor, paymentFor, simulatorForTest } from './payment-fixtures.js';

function pem(name: string): string {
  return readFileSync(new URL(`../testdata/tls/${name}.pem`, import.meta.url), 'utf8');
}

const serverTls = {
  certPem: pem('server'),
  keyPem: pem('server-key'),
  clientCaPem: pem('ca'),
};

describe('authenticating with a TLS client certificate', () => {
  it('a client presenting the issued certificate creates a transaction over HTTPS', async () => {
    const simulator = await simulatorForTest({ tls: serverTls });
    const client = clientFor(simulator, {
      auth: { kind: 'tls', certPem: pem('client'), keyPem: pem('client-key'), caPem: pem('ca') },
    });

    const created = await client.createTransaction(paymentFor(randomUUID()));

    expect(simulator.url).toMatch(/^https:/);
    expect(simulator.transactions.get(created.transactionId)).toBeDefined();
  });

  it('a certificate not issued for client authentication is refused; the reset looks transient', async () => {
    const simulator = await simulatorForTest({ tls: serverTls });
    const client = clientFor(simulator, {
      auth: { kind: 'tls', certPem: pem('server'), keyPem: pem('server-key'), caPem: pem('ca') },
    });

    await expect(client.createTransaction(paymentFor(randomUUID()))).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(simulator.transactions.size).toBe(0);
  });

  it('a provider certificate from an unknown CA → PAYMENT_PROVIDER_UNTRUSTED, fatal', async () => {
    const simulator = await simulatorForTest({ tls: serverTls });
    const client = clientFor(simulator, {
      auth: { kind: 'tls', certPem: pem('client'), keyPem: pem('client-key') },
    });

    await expect(client.createTransaction(paymentFor(randomUUID()))).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_UNTRUSTED',
      retryable: false,
    });
    expect(simulator.transactions.size).toBe(0);
  });
});
