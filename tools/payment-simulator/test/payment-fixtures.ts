import {
  parseProviderProfile,
  paymentRequestIdFor,
  XBezahldiensteClient,
  type CreateTransactionInput,
  type ProviderProfileInput,
} from '@hub/xbezahldienste';
import { onTestFinished } from 'vitest';
import {
  startPaymentSimulator,
  type PaymentSimulator,
  type PaymentSimulatorOptions,
} from '../src/index.js';

export const ACCOUNT = { originatorId: 'musterstadt', endpointId: 'bauamt' };

/** A simulator on a free loopback port, stopped when the test ends. */
export async function simulatorForTest(options: PaymentSimulatorOptions = {}) {
  const simulator = await startPaymentSimulator(options);
  onTestFinished(() => simulator.stop());
  return simulator;
}

export function clientFor(
  simulator: PaymentSimulator,
  overrides: Partial<ProviderProfileInput> = {},
): XBezahldiensteClient {
  const client = new XBezahldiensteClient(
    parseProviderProfile({
      name: 'simulator',
      baseUrl: simulator.url,
      ...ACCOUNT,
      auth: { kind: 'none' },
      paymentMethods: ['CREDITCARD', 'PAYPAL'],
      timeoutMs: 2_000,
      ...overrides,
    }),
  );
  onTestFinished(() => {
    client.close();
  });
  return client;
}

/** A fee payment as the connector would ask for it for the hub event `eventId`. */
export function paymentFor(
  eventId: string,
  overrides: Partial<CreateTransactionInput> = {},
): CreateTransactionInput {
  return {
    requestId: paymentRequestIdFor(eventId),
    amount: '62.50',
    currency: 'EUR',
    purpose: 'Baugenehmigung BG-2026-0042',
    items: [
      { reference: 'GEB-1', description: 'Grundgebühr', quantity: 1, totalAmount: '50.00' },
      { reference: 'GEB-2', description: 'Auslagen', quantity: 5, totalAmount: '12.50' },
    ],
    redirectUrl: 'https://portal.example/payments/return?application=A-1',
    ...overrides,
  };
}

/** Submits the pay page form the way a browser does; does not follow the redirect. */
export function submitPayPage(
  payPageUrl: string,
  action: 'pay' | 'cancel' | 'fail',
  paymentMethod = 'PAYPAL',
): Promise<Response> {
  return fetch(payPageUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, paymentMethod }).toString(),
    redirect: 'manual',
  });
}
