import { classifyHttpStatus, classifyNetworkError, inClientSpan, postJson } from '@hub/kit';
import type { OutboundRequest } from '../map/to-outbound-request.js';

/**
 * The one place the connector calls out. Failures are classified here, where they happen:
 * timeouts, resets, 408/425/429 and 5xx are retried; any other 4xx goes to the dead letters.
 */
export class OutboundPort {
  private readonly url: URL;

  constructor(
    url: string,
    private readonly timeoutMs: number,
  ) {
    this.url = new URL(url);
  }

  /** `idempotencyKey` is derived from the event: a resend after a crash is recognised. */
  async send(request: OutboundRequest, idempotencyKey: string): Promise<void> {
    const target = this.url.host;
    const call = { operation: 'send', url: this.url, method: 'POST', protocol: 'http' } as const;
    const answer = await inClientSpan(call, (traceHeaders) =>
      postJson(this.url, JSON.stringify(request), {
        headers: { ...traceHeaders, 'idempotency-key': idempotencyKey },
        timeoutMs: this.timeoutMs,
      }).catch((error: unknown) => {
        throw classifyNetworkError(error, target);
      }),
    );
    if (answer.status >= 300) throw classifyHttpStatus(answer.status, target, answer.text);
  }
}
