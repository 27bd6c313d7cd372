import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_SIGNATURE_HEADER,
  DEFAULT_TIMESTAMP_HEADER,
  verifyNotificationSignature,
  wireNotificationSchema,
  type PaymentStatus,
  type SignatureVerdict,
  type XBezahldiensteClient,
} from '@hub/xbezahldienste';
import { onTestFinished } from 'vitest';

export interface ReceivedNotification {
  readonly verdict: SignatureVerdict;
  /** The status GET reported after the notification; the notification's own status is ignored. */
  readonly verifiedStatus?: PaymentStatus;
}

/**
 * The hub side of a notification as the library supports it: verify the signature on the raw
 * body, then ask the provider (GET) instead of believing the notification.
 */
export async function startNotificationReceiver(client: XBezahldiensteClient, secret: string) {
  const received: ReceivedNotification[] = [];
  const server = createServer((request, response) => {
    void handle(request).then((notification) => {
      received.push(notification);
      response.writeHead(notification.verdict.valid ? 204 : 401).end();
    });
  });

  async function handle(request: IncomingMessage): Promise<ReceivedNotification> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const verdict = verifyNotificationSignature(
      { headers: request.headers, rawBody },
      {
        secret,
        signatureHeader: DEFAULT_SIGNATURE_HEADER,
        timestampHeader: DEFAULT_TIMESTAMP_HEADER,
        toleranceSeconds: 300,
      },
      Date.now(),
    );
    if (!verdict.valid) return { verdict };
    const { transactionId } = wireNotificationSchema.parse(JSON.parse(rawBody.toString('utf8')));
    const verified = await client.getTransaction(transactionId);
    return { verdict, verifiedStatus: verified.status };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/payments/notifications`, received };
}
