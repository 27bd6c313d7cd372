import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../errors/classify.js';
import { postJson } from './post-json.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A local HTTP server answering every request with `answer` (real sockets, no fakes). */
async function serve(
  answer: (request: IncomingMessage, body: string) => { status: number; body: string } | 'hang',
): Promise<URL> {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const reply = answer(request, body);
      if (reply === 'hang') return;
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
}

describe('postJson', () => {
  it('POSTs the body as JSON with the given headers and resolves with status and text', async () => {
    const url = await serve((request, body) => ({
      status: 201,
      body: JSON.stringify({
        got: body,
        key: request.headers['idempotency-key'],
        type: request.headers['content-type'],
      }),
    }));
    const answer = await postJson(url, '{"a":"ü"}', {
      headers: { 'idempotency-key': 'k-1' },
      timeoutMs: 2_000,
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toEqual({
      got: '{"a":"ü"}',
      key: 'k-1',
      type: 'application/json',
    });
  });

  it('resolves with an error status and its text, for the caller to classify', async () => {
    const url = await serve(() => ({ status: 422, body: '{"field":"mailboxUuid"}' }));
    await expect(postJson(url, '{}', { timeoutMs: 2_000 })).resolves.toEqual({
      status: 422,
      text: '{"field":"mailboxUuid"}',
    });
  });

  it('fails with a TimeoutError past its deadline, which is retryable', async () => {
    const url = await serve(() => 'hang');
    const failure: unknown = await postJson(url, '{}', { timeoutMs: 100 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'TimeoutError' });
    expect(classifyNetworkError(failure, 'x')).toMatchObject({
      code: 'NETWORK_TRANSIENT',
      retryable: true,
    });
  });

  it('fails with Node’s connection error when nobody listens, which is retryable', async () => {
    const url = await serve(() => ({ status: 200, body: '' }));
    server?.close();
    const failure: unknown = await postJson(url, '{}', { timeoutMs: 2_000 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
    expect(classifyNetworkError(failure, 'x')).toMatchObject({ retryable: true });
  });
});
