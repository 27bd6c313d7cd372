import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the simulator took: where it went and what it carried. */
export interface ReceivedRequest {
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly body: unknown;
}

export interface OutboundSimulator {
  /** `http://host:port`; a connector posts to `<url>/<connector>`. */
  readonly url: string;
  /** Every request taken, in order, repeats included: tests count what reached the system. */
  readonly received: readonly ReceivedRequest[];
  /** The next `count` requests are answered with `status` (e.g. 503 to test retries). */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * The system a generated connector calls, for `npm start` and tests: takes any JSON `POST`,
 * answers 202, and keeps the request; `GET /health` answers 200.
 */
export async function startOutboundSimulator(
  port = 0,
  host = '127.0.0.1',
): Promise<OutboundSimulator> {
  const received: ReceivedRequest[] = [];
  const failures = { count: 0, status: 503 };
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'GET' && request.url === '/health')
        return response.writeHead(200).end();
      if (request.method !== 'POST') return response.writeHead(405).end();
      const body = await bodyOf(request).catch(() => Symbol.for('unreadable'));
      if (typeof body === 'symbol') return response.writeHead(400).end();
      if (failures.count > 0) {
        failures.count -= 1;
        return response.writeHead(failures.status).end();
      }
      const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
      received.push({ path: request.url ?? '/', idempotencyKey, body });
      return response.writeHead(202).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${String(bound)}`,
    received,
    failNext(count, status) {
      failures.count = count;
      failures.status = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
