import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Counter, type Registry } from 'prom-client';
import { eventLoopSaturation } from './event-loop-saturation.js';
import { problem } from './problem.js';

export interface AdmissionLimits {
  /** Submissions being worked on at once; the next one is refused until one finishes. */
  readonly maxInFlight: number;
  /** Share of the last moment the event loop may be busy from which new submissions are refused. */
  readonly maxEventLoopUtilization: number;
  /** Largest body a refusal still reads to keep the connection (MAX_BODY_BYTES). */
  readonly maxBodyBytes: number;
  /** What `Retry-After` tells a refused client (seconds). */
  readonly retryAfterSeconds: number;
}

type RefusalReason = 'in_flight' | 'event_loop';

/** Decides about a submission before anything else looks at it; false once it was answered. */
export interface Admission {
  admit(request: IncomingMessage, response: ServerResponse): boolean;
}

/** The one refusal body, made once: a refusal must cost as little as possible. */
const overloaded = JSON.stringify(
  problem(503, 'Overloaded', 'The hub takes no more applications right now; retry later.').problem,
);

/**
 * Overload is refused, not queued: the gateway answers 503 with `Retry-After` before reading the
 * body, so a client learns within milliseconds to come back instead of waiting into its own
 * timeout while the backlog grows (issue 17, goal 5). Two signals, either refuses:
 * - `maxInFlight` submissions are being worked on (a slot is freed when the response is finished
 *   or the client has gone, whichever comes first);
 * - the event loop had no idle moment lately while a share of the slots is taken: the process
 *   cannot keep up, and every connection it has not yet accepted waits in the kernel where no
 *   in-flight count sees it. Refusing sheds the expensive work so the cheap refusals drain that
 *   queue. Below `maxInFlight / 8` submissions in flight the loop is busy with something else
 *   (refusals, consumers, a crowded machine): refusing more would not help, so they are admitted
 *   and the gateway never refuses everything.
 * A refusal keeps the connection when the declared body is small enough to read and drop, so a
 * refused client's retry needs no new connection. A client that hung up before its turn gets
 * nothing: its connection is dropped unanswered.
 */
export function admissionControl(limits: AdmissionLimits, metrics: Registry): Admission {
  const refused = new Counter({
    name: 'hub_gateway_submissions_refused_overload_total',
    help: 'Submissions answered 503 because the gateway was overloaded, by signal.',
    labelNames: ['reason'],
    registers: [metrics],
  });
  const unanswered = new Counter({
    name: 'hub_gateway_submissions_unanswered_total',
    help: 'Submissions whose client hung up before its answer (before or after it was stored).',
    registers: [metrics],
  });
  const saturated = eventLoopSaturation(limits.maxEventLoopUtilization);
  const sheddableInFlight = Math.max(1, Math.floor(limits.maxInFlight / 8));
  const retryAfter = String(limits.retryAfterSeconds);
  let inFlight = 0;
  const refusal = (): RefusalReason | undefined => {
    if (inFlight >= limits.maxInFlight) return 'in_flight';
    if (inFlight >= sheddableInFlight && saturated()) return 'event_loop';
    return undefined;
  };
  return {
    admit(request, response) {
      if (clientGone(request)()) {
        unanswered.inc();
        request.socket.destroy();
        return false;
      }
      const reason = refusal();
      if (reason) {
        refused.inc({ reason });
        // Node reads and drops an unread body after the answer; one too large for that (or of
        // unknown size) ends the connection instead.
        const declared = Number(request.headers['content-length'] ?? Number.NaN);
        response.writeHead(503, {
          'content-type': 'application/problem+json; charset=utf-8',
          'content-length': Buffer.byteLength(overloaded),
          'retry-after': retryAfter,
          ...(declared <= limits.maxBodyBytes ? {} : { connection: 'close' }),
        });
        response.end(overloaded);
        return false;
      }
      inFlight += 1;
      response.once('close', () => {
        inFlight -= 1;
        if (!response.writableFinished) unanswered.inc();
      });
      return true;
    },
  };
}

/**
 * Puts `admission` in front of every POST to `path` (and below it), ahead of the HTTP server span,
 * Express and Nest: a refusal then costs the parsing of its head and one write. The OpenTelemetry
 * HTTP instrumentation starts its span in `Server.prototype.emit`; this server's own `emit` runs
 * first, so a refused submission has no span (it is counted in the refusal metric instead).
 */
export function admitBeforeRouting(server: Server, path: string, admission: Admission): void {
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  server.emit = (event: string, ...args: unknown[]): boolean => {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (
        request.method === 'POST' &&
        isUnder(request.url ?? '', path) &&
        !admission.admit(request, response)
      )
        return true;
    }
    return emit(event, ...args);
  };
}

/**
 * Whether the request target is `path` or below it as Express routes it: case-insensitively, and
 * also in absolute form (`POST http://host/v1/applications`), so no spelling gets past admission.
 */
function isUnder(url: string, path: string): boolean {
  const target = (url.startsWith('/') ? url : pathOfAbsolute(url)).toLowerCase();
  if (!target.startsWith(path)) return false;
  const next = target.charAt(path.length);
  return next === '' || next === '/' || next === '?';
}

function pathOfAbsolute(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * True once the client that sent `request` has hung up (closed or reset its connection): its work
 * is nobody's to finish. After the client's FIN the server ends its side, so the socket is no
 * longer writable even before it is destroyed.
 */
export function clientGone(request: IncomingMessage): () => boolean {
  return () => request.socket.destroyed || !request.socket.writable;
}

export interface ServerTimeouts {
  /** Longest time a client may take to send the headers (slowloris) and the whole request. */
  readonly headersSeconds: number;
  readonly requestSeconds: number;
}

/**
 * Node's defaults let a slow upload hold an in-flight slot for five minutes; these bound it.
 * Node checks them every `connectionsCheckingInterval` (30 s by default), so they are coarse.
 */
export function limitServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.headersSeconds * 1000;
  server.requestTimeout = timeouts.requestSeconds * 1000;
}
