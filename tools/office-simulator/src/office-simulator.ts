import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest } from '@hub/webhooks';
import { sendStatusChange } from './status-callback.js';

/** A report as the office received it from the hub's webhook. */
export interface ReceivedReport {
  readonly serviceRequestId: string;
  readonly serviceCode: string;
  readonly agencyResponsible: string;
  readonly description: string;
  readonly statusCallbackUrl: string;
  readonly [field: string]: unknown;
}

export interface OfficeSimulatorOptions {
  readonly port: number;
  readonly host?: string;
  readonly secret: string;
  /** Backoff before the second callback attempt (doubles each time). */
  readonly callbackInitialDelayMs?: number;
  readonly callbackAttempts?: number;
}

export interface OfficeSimulator {
  readonly url: string;
  /** Reports received, one per idempotency key. */
  readonly reports: ReadonlyMap<string, ReceivedReport>;
  /** Deliveries the simulator answered (including repeats and injected failures). */
  readonly deliveries: number;
  /** The next `count` deliveries are answered 503, as an office that is down. */
  failNext(count: number): void;
  setStatus(
    serviceRequestId: string,
    status: 'open' | 'closed',
    statusNotes: string | null,
  ): ReturnType<typeof sendStatusChange>;
  stop(): Promise<void>;
}

/**
 * The office procedures' side of the generic webhook adapter:
 *   POST /reports                       the hub delivers a routed report (signed; Idempotency-Key)
 *   GET  /reports                       what arrived
 *   POST /reports/{id}/status           staff at the office change the status → signed callback
 *   POST /admin/faults {"failNext": n}  answer the next n deliveries with 503
 */
export async function startOfficeSimulator(
  options: OfficeSimulatorOptions,
): Promise<OfficeSimulator> {
  const reports = new Map<string, ReceivedReport>();
  const byRequestId = new Map<string, ReceivedReport>();
  let failures = 0;
  let deliveries = 0;
  const setStatus: OfficeSimulator['setStatus'] = (serviceRequestId, status, statusNotes) => {
    const report = byRequestId.get(serviceRequestId);
    if (!report) return Promise.resolve({ delivered: false, attempts: 0, lastStatus: 404 });
    return sendStatusChange(
      report.statusCallbackUrl,
      options.secret,
      { serviceRequestId, status, statusNotes },
      {
        attempts: options.callbackAttempts ?? 6,
        initialDelayMs: options.callbackInitialDelayMs ?? 500,
      },
    );
  };

  /** The answer (status, JSON body) to one request. */
  const answer = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const body = await readBody(request);
    if (request.method === 'POST' && path === '/reports') {
      deliveries += 1;
      if (failures > 0) {
        failures -= 1;
        return [503, { error: 'office procedure unavailable (injected)' }];
      }
      const signed = verifyRequest(options.secret, body, request.headers);
      if (!signed) return [401, { error: 'signature missing or not valid' }];
      const key = request.headers['idempotency-key'];
      const report = JSON.parse(body) as ReceivedReport;
      if (typeof key !== 'string' || !report.serviceRequestId)
        return [400, { error: 'Idempotency-Key and serviceRequestId required' }];
      if (!reports.has(key)) {
        reports.set(key, report);
        byRequestId.set(report.serviceRequestId, report);
      }
      return [202, { accepted: report.serviceRequestId }];
    }
    if (request.method === 'GET' && path === '/reports') return [200, [...reports.values()]];
    const status = /^\/reports\/([^/]+)\/status$/.exec(path);
    if (request.method === 'POST' && status?.[1]) {
      const change = JSON.parse(body || '{}') as { status?: string; statusNotes?: string };
      const result = await setStatus(
        status[1],
        change.status === 'closed' ? 'closed' : 'open',
        change.statusNotes ?? null,
      );
      return [result.delivered ? 200 : 502, result];
    }
    if (request.method === 'POST' && path === '/admin/faults') {
      failures = (JSON.parse(body || '{}') as { failNext?: number }).failNext ?? 0;
      return [200, { failNext: failures }];
    }
    if (request.method === 'GET' && path === '/health') return [200, { status: 'up' }];
    return [404, { error: 'not found' }];
  };

  const server = createServer((request, response) => {
    answer(request).then(
      ([status, body]) => {
        send(response, status, body);
      },
      () => {
        send(response, 400, { error: 'bad request' });
      },
    );
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    reports,
    get deliveries() {
      return deliveries;
    },
    failNext(count) {
      failures = count;
    },
    setStatus,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
