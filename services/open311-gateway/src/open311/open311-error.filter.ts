import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Open311Error } from './open311-error.js';
import { reply } from './formats.js';

/** Every failure as GeoReport v2's error list; an unexpected one as a bare 503, logged without input. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  constructor(private readonly onUnexpected: (error: unknown) => void) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const answer = asOpen311Error(error);
    if (!answer) this.onUnexpected(error);
    const failure =
      answer ??
      new Open311Error(503, ['the report could not be handled right now; try again later']);
    reply(
      response,
      request.path.endsWith('.xml') ? 'xml' : 'json',
      { root: 'errors', item: 'error' },
      failure.errors,
      failure.status,
    );
  }
}

/** Nest's own refusals (unknown route, malformed body, body too large) in Open311's words. */
function asOpen311Error(error: unknown): Open311Error | undefined {
  if (error instanceof Open311Error) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return new Open311Error(413, ['the request body is too large']);
  if (type === 'entity.parse.failed')
    return new Open311Error(400, ['the request body is not valid JSON']);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return new Open311Error(404, ['no such resource']);
    if (status === 413) return new Open311Error(413, ['the request body is too large']);
    if (status === 400) return new Open311Error(400, [error.message]);
  }
  return undefined;
}
