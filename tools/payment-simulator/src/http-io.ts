import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '@hub/errors';

const MAX_BODY_BYTES = 262_144;

/** The raw request body, refused beyond a size no payment request needs. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) {
      throw new HubError('SIMULATOR_BODY_TOO_LARGE', `body larger than ${MAX_BODY_BYTES} bytes`, {
        retryable: false,
      });
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Errors the way the simulated provider reports them: a status and a short reason. */
export function sendProblem(response: ServerResponse, status: number, reason: string): void {
  sendJson(response, status, { status, reason });
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}

/** The parsed JSON, or undefined for anything else: schema validation then names the problem. */
export function parseJsonBody(body: Buffer | string): unknown {
  try {
    return JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch {
    return undefined;
  }
}
