import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { admitBeforeRouting } from './admission-control.js';

describe('admitBeforeRouting (a real server on a local socket)', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
  });

  /** A server whose routes answer 200; the admission refuses every request it is asked about. */
  async function refusingEverythingItSees(): Promise<{ url: string; asked: string[] }> {
    const asked: string[] = [];
    server = createServer((_request, response) => {
      response.end('routed');
    });
    admitBeforeRouting(server, '/v1/applications', {
      admit: (request, response) => {
        asked.push(`${request.method ?? ''} ${request.url ?? ''}`);
        response.writeHead(503).end();
        return false;
      },
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
  }

  it('asks about POSTs to the path and below it, and answers them itself when refused', async () => {
    const { url, asked } = await refusingEverythingItSees();
    for (const path of ['/v1/applications', '/v1/applications?draft=1', '/v1/applications/x'])
      expect((await fetch(`${url}${path}`, { method: 'POST', body: '{}' })).status).toBe(503);
    expect(asked).toEqual([
      'POST /v1/applications',
      'POST /v1/applications?draft=1',
      'POST /v1/applications/x',
    ]);
  });

  it('asks about every spelling Express would route there: other case, absolute form', async () => {
    const { url, asked } = await refusingEverythingItSees();
    const { port } = new URL(url);
    const absolute = `http://127.0.0.1:${port}/v1/applications`;
    for (const target of ['/V1/Applications', absolute]) {
      const head = await rawPost(Number(port), target);
      expect(head.split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
    }
    expect(asked).toEqual(['POST /V1/Applications', `POST ${absolute}`]);
  });

  it('passes other methods and other paths to the routes unasked', async () => {
    const { url, asked } = await refusingEverythingItSees();
    expect(await (await fetch(`${url}/v1/applications`)).text()).toBe('routed');
    const elsewhere = await fetch(`${url}/v1/applicationsx`, { method: 'POST', body: '{}' });
    expect(await elsewhere.text()).toBe('routed');
    expect(asked).toEqual([]);
  });
});

/** A POST with this exact request target (fetch would normalise it), answered head as text. */
function rawPost(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(`POST ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 0\r\n\r\n`);
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => {
      resolve(answer);
    });
    socket.on('error', reject);
  });
}
