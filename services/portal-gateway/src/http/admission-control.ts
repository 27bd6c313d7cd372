import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { Counter, type Registry } from 'prom-client';
import { eventLoopSaturation } from './event-loop-saturation.js';
import { problem } from './problem.js';
import { send } from './problem.filter.js';

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
export function admissionControl(limits: AdmissionLimits, metrics: Registry) {
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
  let inFlight = 0;
  const refusal = (): RefusalReason | undefined => {
    if (inFlight >= limits.maxInFlight) return 'in_flight';
    if (inFlight >= sheddableInFlight && saturated()) return 'event_loop';
    return undefined;
  };
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'POST') {
      next();
      return;
    }
    if (clientGone(request)()) {
      unanswered.inc();
      request.socket.destroy();
      return;
    }
    const reason = refusal();
    if (reason) {
      refused.inc({ reason });
      response.setHeader('Retry-After', String(limits.retryAfterSeconds));
      // Node reads and drops an unread body after the answer; one too large for that (or of
      // unknown size) ends the connection instead.
      const declared = Number(request.headers['content-length'] ?? Number.NaN);
      if (!(declared <= limits.maxBodyBytes)) response.setHeader('Connection', 'close');
      send(
        response,
        problem(503, 'Overloaded', 'The hub takes no more applications right now; retry later.'),
      );
      return;
    }
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (!response.writableFinished) unanswered.inc();
    });
    next();
  };
}

/**
 * True once the client that sent `request` has hung up (closed or reset its connection): its work
 * is nobody's to finish. After the client's FIN the server ends its side, so the socket is no
 * longer writable even before it is destroyed.
 */
export function clientGone(request: Request): () => boolean {
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
