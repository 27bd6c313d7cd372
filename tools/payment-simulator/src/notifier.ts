import { signNotification, type PaymentStatus, type WireNotification } from '@hub/xbezahldienste';
import type { FaultInjector } from './faults.js';
import type { SimulatedTransaction } from './transaction-store.js';

export interface NotificationSigning {
  readonly secret: string;
  readonly signatureHeader: string;
  readonly timestampHeader: string;
}

export interface NotificationDelivery {
  readonly transactionId: string;
  readonly status: PaymentStatus;
  readonly outcome: 'delivered' | 'refused' | 'unreachable' | 'dropped';
  readonly httpStatus?: number;
}

const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Tells the transaction's notificationUrl that its status changed: signed, once, and (by fault)
 * several times or not at all. Like a real provider it does not wait for the hub: the citizen's
 * redirect goes out first, the notification may arrive before or after it.
 */
export class Notifier {
  readonly deliveries: NotificationDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly signing: NotificationSigning,
    private readonly faults: FaultInjector,
  ) {}

  notify(transaction: SimulatedTransaction, reportedStatus: PaymentStatus): void {
    const url = transaction.request.notificationUrl;
    if (url === undefined) return;
    const notification: WireNotification = {
      originatorId: transaction.account.originatorId,
      endpointId: transaction.account.endpointId,
      transactionId: transaction.transactionId,
      requestId: transaction.request.requestId,
      status: reportedStatus,
    };
    const { dropNotifications, duplicateNotifications } = this.faults.current();
    if (dropNotifications) {
      this.record(notification, 'dropped');
      return;
    }
    const sending = this.sendCopies(url, notification, 1 + duplicateNotifications).finally(() => {
      this.pending.delete(sending);
    });
    this.pending.add(sending);
  }

  /** Resolves once every notification sent so far has been answered or given up. */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async sendCopies(url: string, notification: WireNotification, copies: number) {
    for (let copy = 0; copy < copies; copy += 1) await this.send(url, notification);
  }

  private async send(url: string, notification: WireNotification): Promise<void> {
    const body = JSON.stringify(notification);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const reply = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [this.signing.timestampHeader]: String(timestamp),
          [this.signing.signatureHeader]: signNotification(this.signing.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await reply.body?.cancel();
      this.record(notification, reply.ok ? 'delivered' : 'refused', reply.status);
    } catch {
      this.record(notification, 'unreachable');
    }
  }

  private record(
    notification: WireNotification,
    outcome: NotificationDelivery['outcome'],
    httpStatus?: number,
  ): void {
    this.deliveries.push({
      transactionId: notification.transactionId,
      status: notification.status ?? 'INITIAL',
      outcome,
      ...(httpStatus === undefined ? {} : { httpStatus }),
    });
  }
}
