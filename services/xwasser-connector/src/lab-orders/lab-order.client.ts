import { HubError } from '@hub/errors';
import { classifyHttpStatus, classifyNetworkError, inClientSpan } from '@hub/kit';
import type { LabOrder } from './to-lab-order.js';

/**
 * The outbound port to the lab: one JSON POST per order. The lab takes an order id once (the
 * same order again answers 200), so a call repeated after a crash is still one examination.
 * Failures are classified here: 5xx, 408, 429 and network trouble are retryable (the circuit
 * waits the lab out); 409 (another order under this id) and any other 4xx are fatal.
 */
export class LabOrderClient {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async order(order: LabOrder): Promise<void> {
    const target = 'lab order';
    const call = {
      operation: 'order examination',
      url: new URL(this.url),
      method: 'POST',
      protocol: 'http',
    } as const;
    await inClientSpan(call, async (traceHeaders) => {
      let response: Response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { ...traceHeaders, 'content-type': 'application/json' },
          body: JSON.stringify(order),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw classifyNetworkError(error, target);
      }
      if (response.status === 409)
        throw new HubError('LAB_ORDER_CONFLICT', `The lab holds another order ${order.orderId}.`, {
          retryable: false,
        });
      if (!response.ok) throw classifyHttpStatus(response.status, target, await response.text());
      return response;
    });
  }
}
