import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { xtaWsdlPath } from '@hub/xoev';
import { handleInjectReply } from './inject-reply-route.js';
import type { XtaAttachment } from './permit-notice.js';
import { SimulatedAuthority } from './simulated-authority.js';
import {
  defaultReplyDelays,
  defaultStatusSequence,
  type FaultConfig,
  type XtaSimulatorOptions,
} from './simulator-options.js';
import { MsgBoxRequests } from './msg-box-requests.js';
import { screenRequest } from './screen-request.js';
import { dispatchSoap } from './soap-dispatch.js';
import { xtaFault, type SoapAnswer } from './soap-envelope.js';
import { selfChecked } from './self-check.js';

export interface XtaSimulator {
  /** SOAP endpoint; `${url}?wsdl` serves the official XTA 2 WSDL. */
  readonly url: string;
  /** Deliveries counted by nachrichtenUUID (valid messages only). */
  readonly deliveries: ReadonlyMap<string, number>;
  /** Deliveries counted by the application id they carry (valid messages only). */
  readonly deliveriesByApplication: ReadonlyMap<string, number>;
  /** The documents the authority issued with its 0205, by application id (what the hub must pass on). */
  readonly documentsByApplication: ReadonlyMap<string, readonly XtaAttachment[]>;
  /** Replies scheduled but not yet in the message box. */
  pendingReplies(): number;
  /** Replaces the fault configuration (same as `PUT /admin/faults`). */
  setFaults(faults: FaultConfig): void;
  stop(): Promise<void>;
}

const defaultMaxRequestBytes = 20 * 1024 * 1024;
const defaultStatusListPageSize = 100;

/**
 * Starts an XTA 2 server (SOAP 1.2 over HTTP, served with node:http) that behaves like a
 * building-supervision authority. Admin endpoints: `GET /admin/deliveries`, `PUT /admin/faults`,
 * `POST /admin/replies` (any body becomes a message in the box).
 * Strict by default: every request is validated against the official XTA 2 XSDs and refused
 * with a fault when invalid, and every answer is checked the same way before it leaves.
 */
export async function startXtaSimulator(options: XtaSimulatorOptions): Promise<XtaSimulator> {
  let faults: FaultConfig = options.faults ?? {};
  const authority = new SimulatedAuthority(
    { ...defaultReplyDelays, ...options.replyDelaysMs },
    options.statusSequence ?? defaultStatusSequence,
    () => faults.duplicateReplies === true,
    options.role,
  );
  const strict = options.strict ?? true;
  const context = {
    authority,
    msgBox: new MsgBoxRequests(),
    pageSize: options.statusListPageSize ?? defaultStatusListPageSize,
    refusesSender: (xml: string) => {
      if (faults.refusedSendsMentioning && xml.includes(faults.refusedSendsMentioning)) return true;
      if (!faults.refusedSends) return false;
      faults = { ...faults, refusedSends: faults.refusedSends - 1 };
      return true;
    },
    losesSendAnswer: () => {
      if (!faults.lostSendAnswers) return false;
      faults = { ...faults, lostSendAnswers: faults.lostSendAnswers - 1 };
      return true;
    },
  };
  const answer = (response: ServerResponse, request: string, soap: SoapAnswer): void => {
    const checked = strict ? selfChecked(soap) : soap;
    options.onExchange?.({ request, response: checked.body, status: checked.status });
    send(response, checked.status, checked.contentType ?? soapContentType, checked.body);
  };
  let url = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (await handleInjectReply(request, response, authority)) return;
    const body = await readBody(request, options.maxRequestBytes ?? defaultMaxRequestBytes);
    if (body === undefined) {
      response.setHeader('connection', 'close');
      send(response, 413, 'text/plain; charset=utf-8', 'Anfrage zu groß');
      return;
    }
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
      answer(
        response,
        body,
        xtaFault('XTAWSTechnicalProblemException', 'Datenbank nicht erreichbar'),
      );
      return;
    }
    const refused = screenRequest(request.headers['content-type'], body, strict);
    const soap = refused ?? (await dispatchSoap(context, body));
    if (soap.lost) {
      request.socket.destroy();
      return;
    }
    answer(response, body, soap);
  };

  const server = createServer((request, response) => {
    // Whatever a request does, the simulator answers it and stays up.
    handle(request, response).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      const fault = xtaFault('XTAWSTechnicalProblemException', reason);
      send(response, fault.status, soapContentType, fault.body);
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
    deliveriesByApplication: authority.deliveriesByApplication,
    documentsByApplication: authority.documentsByApplication,
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

/** The request body, or undefined once it grows beyond `limit` bytes (the rest is not read). */
export async function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const soapContentType = 'application/soap+xml; charset=utf-8';

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': contentType });
  response.end(body);
}
