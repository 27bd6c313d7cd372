import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * `GET /payments/return/{paymentId}`: the citizen is back from the pay page. Proves nothing; starts
 * a status check and sends the citizen on to the portal.
 * `POST /payments/notifications`: the provider says "something changed". Signature checked (where
 * configured), then 202 at once; the check runs afterwards. Duplicates coalesce; a notification for
 * a transaction not yet known is accepted and left to the poller.
 */
export function paymentRequestListener(options: PaymentHttpOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const returned = /^\/payments\/return\/([^/]+)$/.exec(path);
    const handled =
      returned && request.method === 'GET'
        ? onReturn(options, response, returned[1] ?? '')
        : path === '/payments/notifications' && request.method === 'POST'
          ? onNotification(options, request, response)
          : notFound(response);
    handled.catch((error: unknown) => {
      options.logger.error({ err: error, path }, 'payment endpoint failed');
      if (!response.headersSent) send(response, 503, { status: 'unavailable' });
    });
  };
}

async function onReturn(
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

async function onNotification(
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

function notFound(response: ServerResponse): Promise<void> {
  send(response, 404, { status: 'not found' });
  return Promise.resolve();
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

export async function startPaymentHttpServer(
  options: PaymentHttpOptions,
  port: number,
  host: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer(paymentRequestListener(options));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}
