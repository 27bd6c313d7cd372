import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { XtaClient } from '@hub/xoev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXtaSimulator, type XtaSimulator } from '../src/index.js';
import { antrag, nachrichtenUUID, routing } from './fixtures.js';

// An XTA server that authenticates its clients by certificate: the simulator behind a TLS
// terminator that demands a client certificate signed by its CA. Keys are made per run.
let folder: string;
let simulator: XtaSimulator;
let terminator: Server;
let endpoint: string;
const subjectsSeen: string[] = [];
const connections = new Set<TLSSocket>();

const pem = (name: string) => readFileSync(join(folder, `${name}.pem`), 'utf8');

function openssl(args: string): void {
  execFileSync('openssl', args.split(' '), { cwd: folder, stdio: 'ignore' });
}

const newKey = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes';

/** A P-256 key and certificate for `name` (CN xta-test-<name>), signed by `ca` or by itself. */
function certificate(name: string, usage: 'serverAuth' | 'clientAuth', ca?: string): void {
  const extensions = `subjectAltName=IP:127.0.0.1\nextendedKeyUsage=${usage}\n`;
  writeFileSync(join(folder, `${name}.ext`), extensions);
  openssl(`req ${newKey} -subj /CN=xta-test-${name} -keyout ${name}-key.pem -out ${name}.csr`);
  const signer = ca ? `-CA ${ca}.pem -CAkey ${ca}-key.pem -CAcreateserial` : `-key ${name}-key.pem`;
  openssl(`x509 -req -in ${name}.csr ${signer} -days 2 -extfile ${name}.ext -out ${name}.pem`);
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'xta-tls-'));
  openssl(`req -x509 ${newKey} -days 2 -subj /CN=xta-test-ca -keyout ca-key.pem -out ca.pem`);
  certificate('server', 'serverAuth', 'ca');
  certificate('client', 'clientAuth', 'ca');
  certificate('stranger', 'clientAuth');
  simulator = await startXtaSimulator({ port: 0 });
  const upstream = new URL(simulator.url);
  terminator = createServer(
    {
      key: pem('server-key'),
      cert: pem('server'),
      ca: pem('ca'),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (socket: TLSSocket) => {
      subjectsSeen.push(String(socket.getPeerCertificate().subject.CN));
      connections.add(socket);
      const plain = connect(Number(upstream.port), upstream.hostname);
      socket.pipe(plain).pipe(socket);
      const close = () => {
        socket.destroy();
        plain.destroy();
      };
      socket.once('error', close);
      plain.once('error', close);
    },
  );
  await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(terminator.address() as AddressInfo).port}${upstream.pathname}`;
});

afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await new Promise((resolve) => terminator.close(resolve));
  await simulator.stop();
  rmSync(folder, { recursive: true, force: true });
});

function clientWith(certificateName: string): XtaClient {
  return XtaClient.create({
    endpoint,
    security: {
      kind: 'tls-client-certificate',
      keyPem: pem(`${certificateName}-key`),
      certificatePem: pem(certificateName),
      caPem: pem('ca'),
    },
    timeoutMs: 5_000,
  });
}

describe('XTA client with a TLS client certificate', () => {
  it('sends a message over a connection on which the server saw its certificate', async () => {
    const client = clientWith('client');
    const messageId = await client.createMessageId();
    await client.sendMessage(messageId, antrag, routing);
    expect(simulator.deliveries.get(nachrichtenUUID)).toBe(1);
    expect(subjectsSeen).toContain('xta-test-client');
  });

  it('is refused, retryably, when the server does not trust its certificate', async () => {
    await expect(clientWith('stranger').createMessageId()).rejects.toMatchObject({
      code: 'XTA_UNREACHABLE',
      retryable: true,
    });
  });

  it('is refused at creation for a plain http endpoint, where no certificate can be shown', () => {
    expect(() =>
      XtaClient.create({
        endpoint: simulator.url,
        security: {
          kind: 'tls-client-certificate',
          keyPem: pem('client-key'),
          certificatePem: pem('client'),
        },
        timeoutMs: 5_000,
      }),
    ).toThrow(expect.objectContaining({ code: 'XTA_REJECTED' }));
  });
});
