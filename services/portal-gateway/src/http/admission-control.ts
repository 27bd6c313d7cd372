import type { NextFunction, Request, Response } from 'express';
import { Counter, type Registry } from 'prom-client';
import { problem } from './problem.js';
import { send } from './problem.filter.js';

export interface AdmissionLimits {
  /** Submissions being worked on at once; the next one is refused until one finishes. */
  readonly maxInFlight: number;
  /** What `Retry-After` tells a refused client (seconds). */
  readonly retryAfterSeconds: number;
}

/**
 * Overload is refused, not queued: above `maxInFlight` submissions the gateway answers 503 with
 * `Retry-After` before reading the body, so a client learns within milliseconds to come back
 * instead of waiting into its own timeout while the backlog grows (issue 17, goal 5). A slot is
 * freed when the response is finished or the client has gone, whichever comes first.
 */
export function admissionControl(limits: AdmissionLimits, metrics: Registry) {
  const refused = new Counter({
    name: 'hub_gateway_submissions_refused_overload_total',
    help: 'Submissions answered 503 because the gateway was at its in-flight limit.',
    registers: [metrics],
  });
  let inFlight = 0;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'POST') {
      next();
      return;
    }
    if (inFlight >= limits.maxInFlight) {
      refused.inc();
      response.setHeader('Retry-After', String(limits.retryAfterSeconds));
      // The body is never read: close the connection so it is not left half-consumed.
      response.setHeader('Connection', 'close');
      send(
        response,
        problem(503, 'Overloaded', 'The hub takes no more applications right now; retry later.'),
      );
      return;
    }
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
}

/** True once the client that sent `request` has hung up: its work is nobody's to finish. */
export function clientGone(request: Request): () => boolean {
  return () => request.socket.destroyed;
}
