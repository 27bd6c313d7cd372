import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnreachable } from '@hub/kit';
import { problem, ProblemResponse } from './problem.js';

export interface ProblemFilterHooks {
  /** A failure nobody foresaw: logged with its stack. */
  unexpected(error: unknown): void;
  /** The database cannot be reached (restart, failover): an outage, not a bug. */
  databaseUnreachable(error: unknown): void;
  /** What `Retry-After` tells a client refused during a database outage (seconds). */
  readonly retryAfterSeconds: number;
}

/**
 * Turns every failure into an RFC 9457 problem document. While the database cannot be reached
 * the answer is 503 with `Retry-After` (nothing was stored, the same Idempotency-Key is safe to
 * send again); anything else unexpected becomes a bare 503.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly hooks: ProblemFilterHooks) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer =
      error instanceof ProblemResponse
        ? error
        : error instanceof HttpException
          ? problem(
              error.getStatus(),
              error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
              error.message,
            )
          : undefined;
    if (answer) {
      send(response, answer);
      return;
    }
    if (isDatabaseUnreachable(error)) {
      this.hooks.databaseUnreachable(error);
      response.setHeader('Retry-After', String(this.hooks.retryAfterSeconds));
      send(
        response,
        problem(
          503,
          'Service Unavailable',
          'The hub cannot store applications for a moment; retry after Retry-After seconds with the same Idempotency-Key.',
        ),
      );
      return;
    }
    this.hooks.unexpected(error);
    send(
      response,
      problem(
        503,
        'Service Unavailable',
        'The application could not be accepted right now; retry with the same Idempotency-Key.',
      ),
    );
  }
}

export function send(response: Response, answer: ProblemResponse): void {
  response.status(answer.problem.status).type('application/problem+json').json(answer.problem);
}
