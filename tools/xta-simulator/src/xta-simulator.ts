import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { xtaWsdlPath } from '@hub/xoev';
import { handleInjectReply } from './inject-reply-route.js';
import { SimulatedAuthority } from './simulated-authority.js';
import {
  defaultReplyDelays,
  defaultStatusSequence,
  type FaultConfig,
  type XtaSimulatorOptions,
} from './simulator-options.js';
import { dispatchSoap } from './soap-dispatch.js';
import { soapFault } from './soap-envelope.js';

export interface XtaSimulator {
  /** SOAP endpoint; `${url}?wsdl` serves the official XTA 2 WSDL. */
  readonly url: string;
  /** Deliveries counted by nachrichtenUUID (valid messages only). */
  readonly deliveries: ReadonlyMap<string, number>;
  /** Replies scheduled but not yet in the message box. */
  pendingReplies(): number;
  /** Replaces the fault configuration (same as `PUT /admin/faults`). */
  setFaults(faults: FaultConfig): void;
  stop(): Promise<void>;
}

const maxRequestBytes = 20 * 1024 * 1024;

/**
 * Starts an XTA 2 server (SOAP 1.2 over HTTP, served with node:http) that behaves like a
 * building-supervision authority. Admin endpoints: `GET /admin/deliveries`, `PUT /admin/faults`,
 * `POST /admin/replies` (any body becomes a message in the box).
 */
export async function startXtaSimulator(options: XtaSimulatorOptions): Promise<XtaSimulator> {
  let faults: FaultConfig = options.faults ?? {};
  const authority = new SimulatedAuthority(
    { ...defaultReplyDelays, ...options.replyDelaysMs },
    options.statusSequence ?? defaultStatusSequence,
    () => faults.duplicateReplies === true,
  );
  let url = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (await handleInjectReply(request, response, authority)) return;
    const body = await readBody(request);
    const path = request.url ?? '/';
    if (request.method === 'GET' && path.endsWith('?wsdl')) {
      const wsdl = readFileSync(xtaWsdlPath, 'utf8').replaceAll('REPLACE_WITH_ACTUAL_URL', url);
      send(response, 200, 'text/xml; charset=utf-8', wsdl);
      return;
    }
    if (path === '/admin/deliveries') {
      send(
        response,
        200,
        'application/json',
        JSON.stringify(Object.fromEntries(authority.deliveries)),
      );
      return;
    }
    if (path === '/admin/faults' && request.method === 'PUT') {
      faults = JSON.parse(body) as FaultConfig;
      send(response, 204, 'text/plain', '');
      return;
    }
    if (request.method !== 'POST') {
      send(response, 405, 'text/plain', 'POST SOAP 1.2 here');
      return;
    }

    const now = Date.now();
    if (faults.downtime?.some((window) => window.from <= now && now < window.to)) {
      request.socket.destroy();
      return;
    }
    if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.http5xx) {
      faults = { ...faults, http5xx: faults.http5xx - 1 };
      send(response, 503, 'text/plain', 'Service Unavailable');
      return;
    }
    if (faults.technicalProblem) {
      faults = { ...faults, technicalProblem: faults.technicalProblem - 1 };
      const fault = soapFault('XTAWSTechnicalProblemException', 'Datenbank nicht erreichbar', '');
      send(response, 500, 'application/soap+xml; charset=utf-8', fault);
      return;
    }
    const answer = await dispatchSoap(authority, body);
    send(response, answer.status, 'application/soap+xml; charset=utf-8', answer.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      send(
        response,
        400,
        'application/soap+xml; charset=utf-8',
        soapFault('ParameterIsNotValidException', reason, ''),
      );
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  url = `http://${address.address}:${address.port}/xta`;

  return {
    url,
    deliveries: authority.deliveries,
    pendingReplies: () => authority.pendingReplies(),
    setFaults: (next) => {
      faults = next;
    },
    stop: async () => {
      authority.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxRequestBytes) throw new RangeError('request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}
