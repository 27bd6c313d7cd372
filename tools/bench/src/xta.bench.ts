import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { XtaClient } from '@hub/xoev';
import { summarize } from './measure.js';

const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
const simulatorMain = fileURLToPath(import.meta.resolve('@hub/xta-simulator/main'));
const createMessageIdAction = 'http://www.xta.de/XTA/CreateMessageID';
const soapContentType = `application/soap+xml; charset=utf-8; action="${createMessageIdAction}"`;
const calls = 3_000;
const warmUp = 300;

/**
 * The XTA client's cost per SOAP call against the XTA simulator running in a process of its own
 * (strict: it validates every envelope), beside its baseline in the same run: a bare `node:http`
 * POST of a ready-made envelope to the same server, the least any client can spend. The figure is
 * the client process's CPU per call, so the simulator's work does not count.
 */
export async function xtaBenchmark(): Promise<Record<string, string>> {
  const simulator = await startSimulatorProcess();
  try {
    const client = XtaClient.create({
      endpoint: simulator.url,
      security: { kind: 'username-token', username: 'bench', password: 'bench' },
      timeoutMs: 10_000,
    });
    const envelope = createMessageIdEnvelope(simulator.url);
    const viaClient = await perCall(() => client.createMessageId());
    const bare = await perCall(() => postEnvelope(simulator.url, envelope));
    const viaFetch = await perCall(() => fetchEnvelope(simulator.url, envelope));
    return {
      'XTA client, createMessageId (UsernameToken, answer parsed), CPU per call': `${ms(viaClient.cpuMs)} ms (p50 ${ms(viaClient.p50)} ms, p99 ${ms(viaClient.p99)} ms wall)`,
      '  bare node:http POST of the same envelope (baseline), CPU per call': `${ms(bare.cpuMs)} ms (p50 ${ms(bare.p50)} ms, p99 ${ms(bare.p99)} ms wall)`,
      '  client / baseline CPU': `${(viaClient.cpuMs / bare.cpuMs).toFixed(1)}×`,
      '  fetch (undici) POST of the same envelope, CPU per call': `${ms(viaFetch.cpuMs)} ms (${(viaFetch.cpuMs / bare.cpuMs).toFixed(1)}× the bare POST; why the kit's postJson uses node:http)`,
    };
  } finally {
    simulator.process.kill('SIGTERM');
    await once(simulator.process, 'exit');
  }
}

async function perCall(
  call: () => Promise<unknown>,
): Promise<{ cpuMs: number; p50: number; p99: number }> {
  for (let i = 0; i < warmUp; i++) await call();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  const { p50, p99 } = summarize(samples);
  return { cpuMs: (used.user + used.system) / 1000 / calls, p50, p99 };
}

/**
 * A createMessageId envelope as the client sends one (WS-Addressing, UsernameToken), built once:
 * its timestamp stays valid for the few seconds the baseline runs.
 */
function createMessageIdEnvelope(url: string): string {
  const wsa = 'xmlns:wsa="http://www.w3.org/2005/08/addressing"';
  const wsse =
    'xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"';
  const wsu =
    'xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"';
  const created = new Date().toISOString();
  const expires = new Date(Date.now() + 600_000).toISOString();
  const id = randomUUID();
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>` +
    `<wsa:Action ${wsa}>${createMessageIdAction}</wsa:Action><wsa:MessageID ${wsa}>urn:uuid:${id}</wsa:MessageID><wsa:To ${wsa}>${url}</wsa:To>` +
    `<wsse:Security ${wsse} ${wsu}><wsu:Timestamp wsu:Id="TS-${id}"><wsu:Created>${created}</wsu:Created><wsu:Expires>${expires}</wsu:Expires></wsu:Timestamp>` +
    `<wsse:UsernameToken wsu:Id="UT-${id}"><wsse:Username>bench</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">bench</wsse:Password><wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>` +
    `</soap:Header><soap:Body></soap:Body></soap:Envelope>`
  );
}

/** The simulator's CLI in a process of its own, on a port the OS picks (it prints its URL). */
async function startSimulatorProcess(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [tsx, simulatorMain], {
    env: { ...process.env, XTA_SIMULATOR_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const url = /listening on (\S+)/.exec(line.toString())?.[1];
  if (!url) throw new Error(`XTA simulator did not start: ${line.toString()}`);
  return { url, process: child };
}

function postEnvelope(url: string, envelope: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(envelope);
    const post = request(url, {
      method: 'POST',
      headers: {
        'content-type': soapContentType,
        'content-length': String(body.length),
      },
    });
    post.once('error', reject);
    post.once('response', (response) => {
      response.resume();
      response.once('end', () => {
        if (response.statusCode === 200) resolve();
        else reject(new Error(`HTTP ${String(response.statusCode)}`));
      });
    });
    post.end(body);
  });
}

async function fetchEnvelope(url: string, envelope: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': soapContentType },
    body: envelope,
    signal: AbortSignal.timeout(10_000),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${String(response.status)}`);
}

const ms = (value: number) => value.toFixed(3);
