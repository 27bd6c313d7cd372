import { callbackHeaders, newSubmissionsCallbackType, signCallback } from '@hub/fit-connect';
import type { Faults } from './faults.js';
import type { Destination } from './submission-store.js';

/** One callback as the simulator sent it (or meant to), for tests to inspect. */
export interface CallbackDelivery {
  readonly destinationId: string;
  readonly submissionIds: readonly string[];
  readonly status: number | 'lost' | 'failed';
}

/**
 * Announces new submissions to the destination's callback URL, signed as the API specifies.
 * Delivery is fire-and-forget like the platform's: a failed callback is not retried, which is why
 * receivers poll as well.
 */
export class CallbackSender {
  readonly deliveries: CallbackDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly faults: () => Faults) {}

  announce(destination: Destination, submissionIds: readonly string[]): void {
    const { callback } = destination;
    if (!callback) return;
    const faults = this.faults();
    const record = (status: CallbackDelivery['status']) =>
      this.deliveries.push({ destinationId: destination.destinationId, submissionIds, status });
    if (faults.callback === 'lose') {
      record('lost');
      return;
    }
    const body = JSON.stringify({ type: newSubmissionsCallbackType, submissionIds });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      [callbackHeaders.timestamp]: String(timestamp),
      [callbackHeaders.authentication]: signCallback(callback.secret, body, timestamp),
    };
    const send = async () => {
      try {
        const response = await fetch(callback.url, { method: 'POST', headers, body });
        await response.arrayBuffer();
        record(response.status);
      } catch {
        record('failed');
      }
    };
    const delay = faults.callback === 'late' ? faults.lateMs : 0;
    const times = faults.callback === 'duplicate' ? 2 : 1;
    this.track(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        // A duplicate is the same request again, timestamp and signature included.
        for (let i = 0; i < times; i += 1) await send();
      })(),
    );
  }

  /** Resolves once every callback sent so far has been answered or has failed. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}
