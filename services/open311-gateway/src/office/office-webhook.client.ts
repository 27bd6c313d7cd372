import type { ReportRouted } from '@hub/contracts';
import { classifyHttpStatus, classifyNetworkError, inClientSpan } from '@hub/kit';
import { sign, signatureHeaders } from '@hub/webhooks';

export interface OfficeWebhookOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
  /** Where the office sends status changes back; known once the HTTP server listens. */
  readonly callbackUrl: () => string;
}

/**
 * The generic outbound adapter to an office's procedure: one signed JSON POST per routed report.
 * `Idempotency-Key` is the event id, so a delivery repeated after a crash is one report at the
 * office. Failures are classified here: 5xx, 408, 429 and network trouble are retried by the
 * delivery engine; any other 4xx dead-letters.
 */
export class OfficeWebhookClient {
  constructor(private readonly options: OfficeWebhookOptions) {}

  async deliver(report: ReportRouted, eventId: string): Promise<void> {
    const body = JSON.stringify({
      serviceRequestId: report.serviceRequestId,
      serviceCode: report.serviceCode,
      agencyResponsible: report.agencyResponsible,
      description: report.description,
      lat: report.lat,
      long: report.long,
      addressString: report.addressString,
      mediaUrl: report.mediaUrl,
      requestedAt: report.requestedAt.toISOString(),
      statusCallbackUrl: this.options.callbackUrl(),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const target = 'office webhook';
    const call = {
      operation: 'deliver report',
      url: new URL(this.options.url),
      method: 'POST',
      protocol: 'http',
    } as const;
    await inClientSpan(call, async (traceHeaders) => {
      let response: Response;
      try {
        response = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            ...traceHeaders,
            'content-type': 'application/json',
            'idempotency-key': eventId,
            [signatureHeaders.timestamp]: String(timestamp),
            [signatureHeaders.signature]: sign(this.options.secret, body, timestamp),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        throw classifyNetworkError(error, target);
      }
      if (!response.ok) throw classifyHttpStatus(response.status, target, await response.text());
      return response;
    });
  }
}
