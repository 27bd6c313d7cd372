import { Agent, request } from 'node:http';

/** How one POST ended: an HTTP status with its JSON body, or no answer and why. */
export type PostOutcome =
  | { readonly status: number; readonly body: unknown }
  | { readonly status: 0; readonly failure: 'timeout' | 'connection' };

/**
 * POSTs JSON over node:http with a socket per request in flight and no cap on them, so the
 * generator never queues a request of its own while waiting for a connection (a capped pool would
 * show up as gateway latency). Cheaper per request than `fetch`, which matters when the generator
 * shares the cores with the hub. `timeoutMs` covers the whole exchange, as a portal's would.
 */
export function postJson(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const outgoing = request(url, {
      agent,
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => {
      resolve({ status: 0, failure: 'timeout' });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('error', () => {
      clearTimeout(timer);
      resolve({ status: 0, failure: 'connection' });
    });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, body: parsed });
      });
    });
    outgoing.end(body);
  });
}

/** Keeps connections for reuse and opens as many as there are requests in flight. */
export function uncappedAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
}
