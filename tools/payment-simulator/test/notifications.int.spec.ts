import { randomUUID } from 'node:crypto';
import { eventually } from '@hub/platform';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SECRET, type PaymentSimulatorOptions } from '../src/index.js';
import { startNotificationReceiver } from './notification-receiver.js';
import { clientFor, paymentFor, simulatorForTest, submitPayPage } from './payment-fixtures.js';

/** Given a transaction whose notifications go to a receiver that knows the default secret. */
async function transactionWithNotifications(options: PaymentSimulatorOptions = {}) {
  const simulator = await simulatorForTest(options);
  const client = clientFor(simulator);
  const receiver = await startNotificationReceiver(client, DEFAULT_NOTIFICATION_SECRET);
  const created = await client.createTransaction(
    paymentFor(randomUUID(), { notificationUrl: receiver.url }),
  );
  return { simulator, client, receiver, created };
}

describe('notifications only trigger a status check', () => {
  it('a signed notification leads to the verified outcome', async () => {
    const { simulator, receiver, created } = await transactionWithNotifications();

    await submitPayPage(created.payPageUrl, 'pay');
    await simulator.admin.notificationsIdle();

    expect(receiver.received).toEqual([{ verdict: { valid: true }, verifiedStatus: 'PAYED' }]);
  });

  it('duplicate notifications all verify to the same single outcome', async () => {
    const { simulator, receiver, created } = await transactionWithNotifications({
      faults: { duplicateNotifications: 2 },
    });

    await submitPayPage(created.payPageUrl, 'pay');
    await simulator.admin.notificationsIdle();

    expect(receiver.received).toHaveLength(3);
    const outcomes = new Set(receiver.received.map((notification) => notification.verifiedStatus));
    expect(outcomes).toEqual(new Set(['PAYED']));
    expect(receiver.received.every((notification) => notification.verdict.valid)).toBe(true);
  });

  it('a lost notification: polling GET still finds the outcome', async () => {
    const { simulator, client, receiver, created } = await transactionWithNotifications({
      faults: { dropNotifications: true },
    });

    await submitPayPage(created.payPageUrl, 'pay');
    await simulator.admin.notificationsIdle();

    expect(receiver.received).toHaveLength(0);
    expect(simulator.admin.notifications).toEqual([
      { transactionId: created.transactionId, status: 'PAYED', outcome: 'dropped' },
    ]);
    const settled = await eventually(
      async () => {
        const state = await client.getTransaction(created.transactionId);
        return state.status === 'INITIAL' ? undefined : state;
      },
      { timeoutMs: 5_000, intervalMs: 50, what: 'the abandoned transaction to conclude' },
    );
    expect(settled.status).toBe('PAYED');
  });

  it('a notification signed with another secret is refused and changes nothing', async () => {
    const { simulator, receiver, created } = await transactionWithNotifications({
      notificationSigning: { secret: 'not-the-secret-the-hub-knows' },
    });

    await submitPayPage(created.payPageUrl, 'fail');
    await simulator.admin.notificationsIdle();

    expect(receiver.received).toEqual([{ verdict: { valid: false, reason: 'mismatch' } }]);
    expect(simulator.admin.notifications[0]).toMatchObject({ outcome: 'refused', httpStatus: 401 });
  });
});
