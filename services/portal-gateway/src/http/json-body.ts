import express, { type NextFunction, type Request, type Response } from 'express';
import type { KitLogger } from '@hub/kit';
import { problem, type ProblemResponse } from './problem.js';
import { send } from './problem.filter.js';

/** A body-parser `verify` refusal; body-parser passes its `type` on to the error handler. */
class BodyRefused extends TypeError {
  constructor(readonly type: 'charset.not-utf8' | 'encoding.invalid-utf8') {
    super(type);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses JSON bodies up to `limit` bytes and keeps the raw bytes for idempotency fingerprints.
 * Only UTF-8 (RFC 8259 §8.1), checked on the bytes: body-parser would otherwise decode any
 * `utf-*` charset (utf-7 too) and replace invalid bytes with U+FFFD, changing a name unseen.
 */
export function jsonBody(limit: number) {
  return express.json({
    limit,
    verify(request, _response, raw, encoding) {
      if (encoding.toLowerCase() !== 'utf-8') throw new BodyRefused('charset.not-utf8');
      try {
        strictUtf8.decode(raw);
      } catch {
        throw new BodyRefused('encoding.invalid-utf8');
      }
      (request as Request & { rawBody?: Buffer }).rawBody = raw;
    },
  });
}

/** body-parser's errors carry a `type`; these are the caller's mistakes, never a 500. */
function bodyParserProblem(error: unknown): ProblemResponse | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large')
    return problem(413, 'Payload Too Large', 'The request body exceeds the size limit.');
  if (type === 'entity.parse.failed')
    return problem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  if (type === 'encoding.invalid-utf8')
    return problem(400, 'Malformed UTF-8', 'The request body is not valid UTF-8.');
  if (
    type === 'encoding.unsupported' ||
    type === 'charset.unsupported' ||
    type === 'charset.not-utf8'
  ) {
    return problem(415, 'Unsupported Media Type', 'Send the body as UTF-8 JSON.');
  }
  return undefined;
}

/**
 * Answers body-parser's errors right where they arise, before Nest would turn them into bare 400s
 * or 5xx. A client that hung up mid-upload is no failure of ours: logged at info, answered 400.
 */
export function bodyErrorsAsProblems(logger: KitLogger) {
  return (error: unknown, request: Request, response: Response, next: NextFunction): void => {
    if ((error as { type?: unknown } | null)?.type === 'request.aborted') {
      logger.info({ method: request.method, route: request.path }, 'client aborted the request');
      send(response, problem(400, 'Request Aborted', 'The client aborted the request.'));
      return;
    }
    const answer = bodyParserProblem(error);
    if (answer) send(response, answer);
    else next(error);
  };
}
