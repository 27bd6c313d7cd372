import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatedAuthority } from './simulated-authority.js';

/** Larger than any SOAP request: a test may put a 100 MB reply into the box. */
const maxInjectedBytes = 128 * 1024 * 1024;
export const injectReplyPath = '/admin/replies';

/**
 * `POST /admin/replies`: the request body, byte for byte (empty, malformed, huge, forged), becomes
 * a message in the city's message box; answers 201 with `{ "messageId": … }`. Returns false for
 * any other request, which the SOAP server then handles.
 */
export async function handleInjectReply(
  request: IncomingMessage,
  response: ServerResponse,
  authority: SimulatedAuthority,
): Promise<boolean> {
  if (request.method !== 'POST' || request.url !== injectReplyPath) return false;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxInjectedBytes) {
      response.writeHead(413, { 'content-type': 'text/plain' }).end('reply too large');
      return true;
    }
    chunks.push(chunk);
  }
  const messageId = authority.injectReply(Buffer.concat(chunks).toString('utf8'));
  response.writeHead(201, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ messageId }));
  return true;
}
