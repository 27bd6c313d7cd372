import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { problem, ProblemResponse } from './problem.js';

/** Turns every failure into an RFC 9457 problem document; unexpected ones become a bare 500/503. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly onUnexpected: (error: unknown) => void) {}

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
    this.onUnexpected(error);
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
