import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { KitLogger } from '@hub/kit';
import {
  verifyNotificationSignature,
  wireNotificationSchema,
  type NotificationSignatureConfig,
} from '@hub/xbezahldienste';
import type { BackgroundChecks } from '../background-checks.js';
import type { PaymentMetrics } from '../payment-metrics.js';
import type { PaymentStore } from '../payment-store.js';

export interface PaymentHttpOptions {
  readonly store: Pick<PaymentStore, 'get' | 'findByProviderIds'>;
  readonly checks: Pick<BackgroundChecks, 'trigger'>;
  readonly metrics: PaymentMetrics;
  readonly logger: KitLogger;
  /** Set when the provider signs notifications; unsigned ones are then refused. */
  readonly signature: NotificationSignatureConfig | undefined;
  /** `{applicationId}` is replaced; undefined: a short page instead of a redirect. */
  readonly portalReturnUrl: string | undefined;
  readonly now?: () => number;
}

const MAX_BODY_BYTES = 64 * 1024;
const uuid = z.uuid();

/** Answers 503 (and logs) when an endpoint fails before it has answered. */
export async function answering(
  options: Pick<PaymentHttpOptions, 'logger'>,
  path: string,
  response: ServerResponse,
  work: Promise<void>,
): Promise<void> {
  try {
    await work;
  } catch (error) {
    options.logger.error({ err: error, path }, 'payment endpoint failed');
    if (!response.headersSent) send(response, 503, { status: 'unavailable' });
  }
}

export async function onReturn(
  options: PaymentHttpOptions,
  response: ServerResponse,
  paymentId: string,
): Promise<void> {
  const payment = uuid.safeParse(paymentId).success
    ? await options.store.get(paymentId)
    : undefined;
  if (!payment) {
    response
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      .end(page('Unbekannte Zahlung.'));
    return;
  }
  options.checks.trigger(payment.paymentId, 'return');
  if (options.portalReturnUrl) {
    const location = options.portalReturnUrl.replace(
      '{applicationId}',
      encodeURIComponent(payment.applicationId),
    );
    response.writeHead(303, { location }).end();
    return;
  }
  response
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(page('Danke. Wir prüfen Ihre Zahlung beim Zahlungsdienstleister.'));
}

export async function onNotification(
  options: PaymentHttpOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const rawBody = await readBody(request);
  if (rawBody === undefined) {
    options.metrics.notifications.inc({ verdict: 'too-large' });
    send(response, 413, { status: 'too large' });
    return;
  }
  if (options.signature) {
    const verdict = verifyNotificationSignature(
      { headers: request.headers, rawBody },
      options.signature,
      options.now?.() ?? Date.now(),
    );
    if (!verdict.valid) {
      options.metrics.notifications.inc({ verdict: verdict.reason });
      send(response, 401, { status: 'signature refused', reason: verdict.reason });
      return;
    }
  }
  const parsed = wireNotificationSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) {
    options.metrics.notifications.inc({ verdict: 'malformed' });
    send(response, 400, {
      status: 'malformed',
      issues: parsed.error.issues.map((i) => i.path.join('.')),
    });
    return;
  }
  const payment = await options.store.findByProviderIds(
    parsed.data.transactionId,
    parsed.data.requestId,
  );
  options.metrics.notifications.inc({ verdict: payment ? 'accepted' : 'unknown-transaction' });
  send(response, 202, { status: 'accepted' });
  if (payment) options.checks.trigger(payment.paymentId, 'notification');
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined);
    });
    request.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function page(text: string): string {
  return `<!doctype html><html lang="de"><meta charset="utf-8"><title>Zahlung</title><p>${text}</p></html>`;
}
