import { classifyHttpStatus, classifyNetworkError, inClientSpan, postJson } from '@hub/kit';
import type { ZbpEnvelope } from '@hub/zbp';

/**
 * The one place the connector calls the postbox. Failures are classified here: timeouts, resets,
 * 408/425/429 and 5xx are retried (an outage waits on the circuit); any other 4xx dead-letters.
 * The mailbox handle is in the URL path: the span is given the base URL, so it never records the handle.
 */
export class PostboxClient {
  private readonly base: URL;

  constructor(
    url: string,
    private readonly timeoutMs: number,
  ) {
    this.base = new URL(url);
  }

  async deliver(envelope: ZbpEnvelope): Promise<void> {
    const target = 'citizen postbox';
    const url = new URL(
      `api/v6/mailboxes/${encodeURIComponent(envelope.mailboxUuid)}/messages`,
      this.base,
    );
    const call = {
      operation: 'deliver message',
      url: this.base,
      method: 'POST',
      protocol: 'http',
    } as const;
    const answer = await inClientSpan(call, (traceHeaders) =>
      postJson(url, JSON.stringify(envelope), {
        headers: traceHeaders,
        timeoutMs: this.timeoutMs,
      }).catch((error: unknown) => {
        throw classifyNetworkError(error, target);
      }),
    );
    // The answer names the refused field, never its value: safe for the dead letter's message.
    if (answer.status >= 300) throw classifyHttpStatus(answer.status, target, answer.text);
  }
}
