import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultXmlLimits } from '../xml/xml-limits.js';
import { classifyXtaError } from './classify-xta-error.js';
import { XtaHttpTransport } from './xta-http-transport.js';

// A misbehaving XTA server on a real socket: what the client does with its answers.
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function transportTo(answer: (response: ServerResponse) => void): Promise<XtaHttpTransport> {
  server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new XtaHttpTransport({
    endpoint: `http://127.0.0.1:${port}/xta`,
    security: { kind: 'none' },
    timeoutMs: 300,
  });
}

const call = (transport: XtaHttpTransport) =>
  transport
    .post('http://www.xta.de/XTA/CreateMessageID', '', '', {})
    .catch((error: unknown) => classifyXtaError('createMessageId', error));

describe('XtaHttpTransport', () => {
  it('times out a server that starts its answer and never finishes it', async () => {
    const transport = await transportTo((response) => {
      response.writeHead(200, { 'content-type': 'application/soap+xml' });
      response.write('<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">');
    });
    await expect(call(transport)).resolves.toMatchObject({ code: 'XTA_TIMEOUT', retryable: true });
  });

  it('stops reading an answer larger than the XML parser accepts', async () => {
    const transport = await transportTo((response) => {
      response.writeHead(200, { 'content-type': 'application/soap+xml' });
      response.end('x'.repeat(defaultXmlLimits.maxBytes + 1));
    });
    await expect(call(transport)).resolves.toMatchObject({ code: 'XML_TOO_LARGE' });
  });

  it('reports a connection cut in the middle of the answer as unreachable (retryable)', async () => {
    const transport = await transportTo((response) => {
      response.writeHead(200, { 'content-type': 'application/soap+xml', 'content-length': '1000' });
      response.write('<env:Envelope');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await expect(call(transport)).resolves.toMatchObject({
      code: 'XTA_UNREACHABLE',
      retryable: true,
    });
  });

  it('rejects an XTA fault with its status and body, classified by the fault', async () => {
    const transport = await transportTo((response) => {
      response.writeHead(400, { 'content-type': 'application/soap+xml' });
      response.end(
        '<env:Fault><env:Text>nein</env:Text><xta:PermissionDeniedException/></env:Fault>',
      );
    });
    await expect(call(transport)).resolves.toMatchObject({
      code: 'XTA_PERMISSION_DENIED',
      message: 'XTA createMessageId: PermissionDeniedException: nein',
    });
  });
});
